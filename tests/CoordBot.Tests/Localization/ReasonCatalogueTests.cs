using System.Text.RegularExpressions;
using CoordBot.Domain;
using CoordBot.Domain.Agenda;
using CoordBot.Localization;

namespace CoordBot.Tests.Localization;

/// <summary>
/// The domain's reasons are codes; their words are the catalogue's. The English words of every code are written out
/// here as the contract (the clauses the bot always wrote: black-box checks read them), and every code and every word
/// of an argument has its text in each of the six languages.
/// </summary>
public sealed partial class ReasonCatalogueTests
{
    public static TheoryData<ReasonCode, string, object[]> English => new()
    {
        { ReasonCode.AlreadyMember, "you are already a member of a delegation, and a person belongs to one delegation at a time: ask its head or an operator to remove you first", [] },
        { ReasonCode.AnswersForDelegation, "only the head of delegation or the deputy answers for the delegation", [] },
        { ReasonCode.ChairOrArria, "only the chair (the presiding delegation's head or deputy, or an operator) or, for an Arria-formula meeting, a head of delegation or deputy may do this", [] },
        { ReasonCode.DeputyNamedByHead, "only the head of delegation or an operator can name a deputy", [] },
        { ReasonCode.DeputyRemovedByHead, "only the head of delegation or an operator can remove a deputy", [] },
        { ReasonCode.EndMembership, "only an operator, or the head of a delegation for its own members, may end a membership", [] },
        { ReasonCode.ForPresidency, "this is for the presidency: the head of delegation or deputy of VNM", ["VNM"] },
        { ReasonCode.InviteOwnDelegation, "you can invite only into your own delegation (EST)", ["EST"] },
        { ReasonCode.InvitingNeedsHead, "inviting needs the head of delegation or the deputy", [] },
        { ReasonCode.LinkGroup, "only the head or deputy of a delegation can link a group", [] },
        { ReasonCode.NeedsHead, "this needs the head of delegation or the deputy", [] },
        { ReasonCode.NeedsMember, "commenting needs a member of a delegation (head, deputy or adviser)", [DelegationWork.Commenting] },
        { ReasonCode.NotAMember, "This is for members of the council's delegations. If you should be one, ask your head of delegation or an operator for an invitation link.", [] },
        { ReasonCode.OperatorNamesHead, "only an operator can name a head of delegation", [] },
        { ReasonCode.OperatorOnly, "only an operator of this bot may do this", [] },
        { ReasonCode.OperatorRemovesHead, "only an operator can remove a head of delegation", [] },
        { ReasonCode.PenholderRevises, "only the penholder delegation can revise this draft", [] },
        { ReasonCode.PresidentOnly, "only the president of the council this month (its head or deputy) or an operator may do this. Send /presidency to see who presides", [] },
        { ReasonCode.RemoveOwnDelegation, "you can remove only members of your own delegation (EST)", ["EST"] },
        { ReasonCode.RemovingNeedsHead, "removing members needs the head of delegation or the deputy", [] },
        { ReasonCode.SpeakForDelegation, "speaking for a delegation needs its head, deputy or an adviser", [] },
        { ReasonCode.VoteOwnDelegation, "you can vote only for your own delegation (EST)", ["EST"] },
        { ReasonCode.VotingNeedsHead, "voting needs the head of delegation or the deputy", [] },
        { ReasonCode.OnlyVotersExplain, "only the head or the deputy of a delegation of this vote may explain its vote", [] },
        { ReasonCode.ArriaConvenedByMember, "an Arria-formula meeting is convened by a member: its head of delegation or deputy", [] },
        { ReasonCode.NotAVoter, "not recorded: only the head or the deputy of a voting delegation may vote", [] },
        { ReasonCode.GroupLanguageNeedsHead, "only the head or deputy of the delegation may choose this group's language", [] },
        { ReasonCode.ObserversSeeArriaOnly, "observers and briefers take part only in Arria-formula meetings", [] },
        { ReasonCode.VotingClosed, "voting has closed: the vote was not counted", [] },
        { ReasonCode.AlreadyVotedNoChange, "your delegation has already voted and this council does not allow changing a vote", [] },
        { ReasonCode.AlreadyVotedYes, "your delegation has already voted yes", [] },
        { ReasonCode.AlreadyVotedNo, "your delegation has already voted no", [] },
        { ReasonCode.AlreadyVotedAbstain, "your delegation has already voted abstain", [] },
        { ReasonCode.BallotLogSequence, "sequence 3 where 2 was expected: an entry is missing or out of order", ["3", "2"] },
        { ReasonCode.BallotLogOtherVote, "belongs to vote \"V2\", not \"V1\"", ["V2", "V1"] },
        { ReasonCode.BallotLogUnlinked, "does not link to the entry before it", [] },
        { ReasonCode.BallotLogAltered, "its contents do not match its hash: the entry was altered", [] },
        { ReasonCode.DraftAdopted, "D3 was adopted: it can no longer change", ["D3"] },
        { ReasonCode.DraftNotAdopted, "D3 was not adopted: it can no longer change", ["D3"] },
        { ReasonCode.DraftWithdrawn, "D3 was withdrawn", ["D3"] },
        { ReasonCode.DraftVotingNoWithdraw, "voting has started: a draft cannot be withdrawn", [] },
        { ReasonCode.DraftVotingOpen, "voting on D3 is already open", ["D3"] },
        { ReasonCode.DraftVotingStarted, "voting has started: D3 and its text can no longer change", ["D3"] },
        { ReasonCode.DraftNoVoteOpen, "no vote is open on D3", ["D3"] },
        { ReasonCode.DraftSilenceAmend, "D3 is under silence: to propose a change, break silence", ["D3"] },
        { ReasonCode.DraftSilenceChange, "D3 is under silence: changing its text is not allowed; the silence must be broken first", ["D3"] },
        { ReasonCode.DraftAgreedFinal, "D3 was agreed under silence: its text is final", ["D3"] },
        { ReasonCode.DraftInBlueLocked, "D3 is in blue: its text is locked", ["D3"] },
        { ReasonCode.DraftAlreadySilence, "D3 is already under silence", ["D3"] },
        { ReasonCode.DraftPastNegotiation, "D3 is past negotiation: silence can be started only on a text under negotiation", ["D3"] },
        { ReasonCode.DraftNotSilence, "D3 is not under silence", ["D3"] },
        { ReasonCode.DraftSilenceBlue, "D3 is under silence: wait for the deadline or break silence first", ["D3"] },
        { ReasonCode.DraftAlreadyBlue, "D3 is already in blue", ["D3"] },
        { ReasonCode.DraftBlueFirst, "D3 must be put in blue before the vote", ["D3"] },
        { ReasonCode.PenholderOnly, "only the penholder delegation (its head, deputy or an adviser) may do this", [] },
        { ReasonCode.SilenceStarters, "only the president of the council this month or the penholder delegation may start the silence procedure", [] },
        { ReasonCode.BreakingSilence, "breaking silence needs the head of delegation or the deputy", [] },
        { ReasonCode.SponsorNeedsHead, "sponsoring a draft needs the head of delegation or the deputy", [] },
        { ReasonCode.SponsorIsPenholder, "your delegation holds the pen of this draft: it is listed as penholder, not as sponsor", [] },
        { ReasonCode.AlreadySponsor, "your delegation already sponsors this draft", [] },
        { ReasonCode.OnlyLeadNames, "only the lead penholder delegation (EST) names co-penholders", ["EST"] },
        { ReasonCode.AlreadyPenholder, "FRA already holds the pen of this draft", ["FRA"] },
        { ReasonCode.DraftTextBoth, "send the text either after a line break or as a document, not both", [] },
        { ReasonCode.DraftFileType, "I accept drafts as .txt or .md documents only (UTF-8 text); \"draft.docx\" is not one. Send the text as a .txt file or in the message after a line break", ["draft.docx"] },
        { ReasonCode.DraftFileSizeUnknown, "Telegram did not tell me the size of that file, so I did not read it. Send it again, or paste the text", [] },
        { ReasonCode.DraftFileTooBig, "that file is 200,004 bytes: a draft may have at most 50,000 characters", [new Amount(200_004), new Amount(50_000)] },
        { ReasonCode.DraftFileLimit, "I could not read that file within the size limit", [] },
        { ReasonCode.DraftFileNotUtf8, "that file is not UTF-8 text. Save it as UTF-8 plain text (.txt) and send it again", [] },
        { ReasonCode.DraftTextMissing, "the text is missing. Usage: /draft_new A1 title", ["/draft_new A1 title"] },
        { ReasonCode.DraftTextTooLong, "the text has 50,001 characters: a draft may have at most 50,000. Shorten it, or split it into several drafts", [new Amount(50_001), new Amount(50_000)] },
        { ReasonCode.SpeakersAlreadyOn, "Estonia is already on the list of speakers", ["Estonia"] },
        { ReasonCode.SpeakersHasFloor, "Estonia has the floor now", ["Estonia"] },
        { ReasonCode.SpeakersSpokeOnItem, "Estonia has already spoken on this item", ["Estonia"] },
        { ReasonCode.SpeakersCannotWithdraw, "Estonia has the floor now and cannot withdraw", ["Estonia"] },
        { ReasonCode.SpeakersSpoken, "Estonia has already spoken", ["Estonia"] },
        { ReasonCode.SpeakersNotOn, "Estonia is not on the list of speakers", ["Estonia"] },
        { ReasonCode.SpeakersExhausted, "the list of speakers is exhausted", [] },
        { ReasonCode.AgendaItemConcluded, "the item is concluded", [] },
        { ReasonCode.AgendaCannotBecome, "an item that is discussing cannot become proposed", [AgendaItemStatus.Discussing, AgendaItemStatus.Proposed] },
        { ReasonCode.AgendaItemNotOn, "item 99 is not on the agenda", ["99"] },
        { ReasonCode.AgendaPositionOutOfRange, "position 5 is out of range: the agenda has positions 1 to 4", ["5", "4"] },
        { ReasonCode.Holding, "placing or lifting a hold needs the head of delegation or the deputy", [] },
        { ReasonCode.AlreadyHolds, "EST already holds the decision", ["EST"] },
        { ReasonCode.HoldsNothing, "FRA holds nothing on the decision", ["FRA"] },
        { ReasonCode.NoObjectionDeadlinePassed, "the deadline has passed", [] },
        { ReasonCode.NoObjectionOver, "the decision is no longer under the no-objection procedure", [] },
        { ReasonCode.ResolutionNotRead, "D3 is a draft resolution: it is adopted by a vote, not read out at a meeting", ["D3"] },
        { ReasonCode.PrstNotVoted, "D3 is a draft presidential statement: it is agreed by consensus and read out at a meeting, not put to a vote", ["D3"] },
        { ReasonCode.PressNotVoted, "D3 is a draft press statement: it is agreed under silence, not put to a vote", ["D3"] },
        { ReasonCode.PressNotRead, "D3 is a draft press statement: it is adopted when its silence ends, not read out at a meeting", ["D3"] },
        { ReasonCode.KindFixed, "what D3 is can change only while it is under negotiation", ["D3"] },
        { ReasonCode.NotAgreed, "D3 has not been agreed: it is read at a meeting once agreed under silence", ["D3"] },
        { ReasonCode.DecisionNotVoted, "D3 is a draft decision: it is agreed in writing under the no-objection procedure, not put in blue or to a vote", ["D3"] },
        { ReasonCode.DecisionNotRead, "D3 is a draft decision: it is adopted when its no-objection procedure ends with no objection, not read out at a meeting", ["D3"] },
        { ReasonCode.DecisionsOnly, "this body agrees only decisions, in writing under the no-objection procedure: it has no resolutions, presidential statements or press statements", [] },
        { ReasonCode.NoDecisions, "this body does not agree decisions under the no-objection procedure: its texts are resolutions, presidential statements and press statements", [] },
    };

    [Theory]
    [MemberData(nameof(English))]
    public void Each_code_reads_in_English_as_the_bot_always_wrote_it(ReasonCode code, string english, object[] args)
    {
        Assert.Equal(english, Reasons.Text(Languages.English, Reason.Of(code, args)));
    }

    [Fact]
    public void The_English_table_names_every_code()
    {
        Assert.Equal(Enum.GetValues<ReasonCode>().Order(), English.Select(row => (ReasonCode)row[0]).Order());
    }

    [Fact]
    public void Every_code_and_every_argument_word_is_in_every_language_with_its_placeholders()
    {
        foreach (var language in Languages.All)
        {
            foreach (var code in Enum.GetValues<ReasonCode>())
            {
                Assert.True(Catalogue.Entries(language).ContainsKey(Reasons.Key(code)), $"{Reasons.Key(code)} has no text in {language}");
            }

            foreach (var work in Enum.GetValues<DelegationWork>())
            {
                Assert.True(Catalogue.Entries(language).ContainsKey($"Reason.DelegationWork.{work}"), $"Reason.DelegationWork.{work} has no text in {language}");
            }
        }
    }

    /// <summary>
    /// A <c>Reason.*</c> text without its code is a refusal still written the old way (an English sentence in the domain,
    /// found by its words): convert it (docs/localisation.md, "Adding a reason").
    /// </summary>
    [Fact]
    public void Every_reason_text_in_the_catalogue_belongs_to_a_code()
    {
        var codes = Enum.GetValues<ReasonCode>().Select(Reasons.Key).ToHashSet(StringComparer.Ordinal);
        var orphans = Catalogue.Entries(Languages.English).Keys
            .Where(k => k.StartsWith("Reason.", StringComparison.Ordinal) && !codes.Contains(k) && !ArgumentWord().IsMatch(k))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Empty(orphans);
    }

    [Theory]
    [InlineData("fr", "la délégation porte-plume")]
    [InlineData("zh", "执笔代表团")]
    public void A_reason_is_worded_in_the_readers_language_from_its_code(string language, string expected)
    {
        Assert.Contains(expected, Reasons.Text(language, Reason.Of(ReasonCode.PenholderRevises)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_argument_that_is_a_word_is_worded_in_the_readers_language_too()
    {
        Assert.Equal("réviser un projet requiert un membre d'une délégation (chef, adjoint ou conseiller)", Reasons.Text("fr", Reason.Of(ReasonCode.NeedsMember, DelegationWork.RevisingADraft)));
        Assert.Equal("un point à l'état « en discussion » ne peut pas passer à « proposé »", Reasons.Text("fr", Reason.Of(ReasonCode.AgendaCannotBecome, AgendaItemStatus.Discussing, AgendaItemStatus.Proposed)));
        Assert.Equal("le texte compte 50 001 caractères : un projet peut en compter au plus 50 000. Raccourcissez-le ou répartissez-le en plusieurs projets", Reasons.Text("fr", Reason.Of(ReasonCode.DraftTextTooLong, new Amount(50_001), new Amount(50_000))).Replace('\u202F', ' ').Replace('\u00A0', ' '));
    }

    [GeneratedRegex(@"^Reason\.[A-Za-z]+\.[A-Za-z]+$")]
    private static partial Regex ArgumentWord();
}
