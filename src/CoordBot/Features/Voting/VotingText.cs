using System.Globalization;
using System.Text;
using CoordBot.Council;
using CoordBot.Domain;
using CoordBot.Domain.Council;
using CoordBot.Domain.Membership;
using CoordBot.Domain.Voting;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;

namespace CoordBot.Features.Voting;

/// <summary>
/// The words of the Voting feature: outcomes and votes in, HTML out (user text escaped here). Nothing else in
/// the feature writes a sentence, and no enum's name reaches a reader.
/// </summary>
public sealed class VotingText(CouncilProvider councilProvider)
{
    private CouncilDefinition Council => councilProvider.Council;

    // ---- ballots ----

    /// <summary>The reply to a ballot (the typed vote or the button's message), in <paramref name="language"/>.</summary>
    public string Ballot(string language, Outcome<BallotRecorded, BallotRefusal> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Match(r => Receipt(language, r), refusal => Catalogue.Format(language, "Voting.NotRecorded", Html.Escape(RefusalClause(language, refusal))));
    }

    /// <summary>The short answer to a ballot button (plain text: a callback answer is not HTML), in the presser's language.</summary>
    public static string BallotButton(string language, Outcome<BallotRecorded, BallotRefusal> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return Catalogue.Format(language, outcome.IsAccepted ? "Voting.Toast.Recorded" : "Voting.Toast.NotRecorded");
    }

    /// <summary>The ballot's button labels in the reader's language (the data, <c>b:&lt;vote&gt;:&lt;y|n|a&gt;</c>, is the same in all).</summary>
    public static (string Yes, string No, string Abstain) ButtonLabels(string language) =>
        (Catalogue.Text(language, "Voting.Button.Yes"), Catalogue.Text(language, "Voting.Button.No"), Catalogue.Text(language, "Voting.Button.Abstain"));

    /// <summary>"Estonia voted against D3 v4 (hash 1a2b3c4d), recorded 14:03 UTC, 24 Nov 2026 by ...".</summary>
    public string Receipt(string language, BallotRecorded ballot)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        return Catalogue.Format(
            language,
            "Voting.Receipt." + ballot.Choice,
            Html.Escape(Council.NameOf(ballot.DelegationCode, language)),
            Ref(ballot.DraftId, ballot.Version),
            Short(ballot.TextHash),
            UtcTime(language, ballot.AtUtc),
            ballot.Changed ? Catalogue.Text(language, "Voting.Receipt.Changed") : string.Empty,
            Html.Escape(ballot.CastByName));
    }

    // ---- a veto is meant; closing early ----

    /// <summary>"This is a veto: D1 will not be adopted. Cast it?"</summary>
    public static string VetoQuestion(string language, Vote vote)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return Catalogue.Format(language, "Ballots.VetoQuestion", $"D{vote.DraftId}");
    }

    public static string CastVetoLabel(string language) => Catalogue.Text(language, "Ballots.CastVeto");

    public static string GoBackLabel(string language) => Catalogue.Text(language, "Ballots.GoBack");

    public static string ConfirmVetoToast(string language) => Catalogue.Text(language, "Ballots.ConfirmVetoToast");

    public static string NothingRecordedToast(string language) => Catalogue.Text(language, "Ballots.NothingRecordedToast");

    public static string ClosedToast(string language) => Catalogue.Text(language, "Ballots.ClosedToast");

    /// <summary>After "Go back": nothing was recorded, and the ballot is offered again while the vote is open.</summary>
    /// <summary>The delegation's ballot, shown again on request (<c>/vote D3</c>), its buttons under it.</summary>
    public static string YourBallot(string language, Vote vote)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return Catalogue.Format(language, "Ballots.YourBallot", Heading(language, vote));
    }

    public static string WentBack(string language, Vote vote)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return Catalogue.Format(language, vote.IsOpen ? "Ballots.WentBack" : "Ballots.WentBackClosed", Heading(language, vote));
    }

    /// <summary>To the chair: every delegation has voted, the vote closes at <paramref name="closesAt"/> unless a vote changes, or now.</summary>
    public static string EveryoneVoted(string language, Vote vote, DateTime closesAt, string zone)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return Catalogue.Format(language, "Ballots.EveryoneVoted", Heading(language, vote), Dates.InZoneAndUtc(language, closesAt, zone));
    }

    public static string CloseAlready(string language, Vote vote)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return Catalogue.Format(language, "Ballots.CloseAlready", $"D{vote.DraftId}");
    }

    public static string CloseNotAll(string language, Vote vote)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return Catalogue.Format(language, "Ballots.CloseNotAll", $"D{vote.DraftId}");
    }

    /// <summary>Why a ballot was not recorded, as a clause (plain text), in English: the ballot log's reason.</summary>
    public string RefusalClause(BallotRefusal refusal) => RefusalClause(Languages.English, refusal);

    /// <summary>Why a ballot was not recorded, as a clause (plain text) in <paramref name="language"/>.</summary>
    public string RefusalClause(string language, BallotRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Code switch
        {
            BallotRefusalCode.NotAVoter => Part(language, "Voting.Refusal.NotAVoter"),
            BallotRefusalCode.Recused => Part(language, "Voting.Refusal.Recused", Council.NameOf(refusal.DelegationCode!, language)),
            BallotRefusalCode.NotVoting => Part(language, "Voting.Refusal.NotVoting", Council.NameOf(refusal.DelegationCode!, language)),
            // The ballot rules always say why they refused.
            BallotRefusalCode.BallotRules => Reasons.Text(language, refusal.RuleReason!),
            _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal.Code, "A refusal without words"),
        };
    }

    public static string InvalidBallotButton(string language) => Catalogue.Format(language, "Voting.InvalidBallotButton");

    public static string UnknownBallot(string language) => Catalogue.Format(language, "Voting.UnknownBallot");

    public static string ExplanationTooLong(string language) => Catalogue.Format(language, "Voting.ExplanationTooLong", 4000);

    // ---- finding a vote ----

    public static string NoVote(string language, long draftId) => Catalogue.Format(language, "Voting.NoVote", $"D{draftId}");

    // ---- opening ----

    public static string WindowOutOfRange(string language) => Catalogue.Format(language, "Voting.WindowOutOfRange", 0, 168, "24h");

    public static string NotACouncilMember(string language, string code) => Catalogue.Format(language, "Voting.NotACouncilMember", Html.Escape(code), "ZAF,TUN");

    public static string NoDraft(string language, long draftId) => Catalogue.Format(language, "Voting.NoDraft", $"D{draftId}");

    public static string AlreadyVoting(string language, long draftId) => Catalogue.Format(language, "Voting.AlreadyVoting", $"D{draftId}");

    public static string NotInBlue(string language, long draftId) => Catalogue.Format(language, "Voting.NotInBlue", $"D{draftId}");

    public static string EveryoneRecused(string language, long draftId) => Catalogue.Format(language, "Voting.EveryoneRecused", $"D{draftId}");

    /// <summary>
    /// The vote's heading in announcements, its rule in the words a diplomat uses, never the configuration's code:
    /// "D3 v4 «Title» (hash 1a2b3c4d), substantive matter: nine votes including the concurring votes of the permanent members".
    /// </summary>
    public string OpeningHeading(string language, Vote vote)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return Part(language, "Ballots.OpeningHeading", Heading(language, vote), RuleWords(language, vote.Rule, vote.Matter));
    }

    /// <summary>What a vote needs to pass, as the Charter says it: "substantive matter: nine votes including the concurring votes of the permanent members".</summary>
    public string RuleWords(string language, DecisionRuleKind rule, MatterKind matter)
    {
        if (rule != DecisionRuleKind.Council)
        {
            return Part(language, $"Ballots.Rule.{rule}.{matter}");
        }

        var required = matter == MatterKind.Procedural ? Council.ProceduralThreshold : Council.SubstantiveThreshold;
        return PartPlural(language, "Ballots.Rule.Council." + matter, required, NumberWord(language, required));
    }

    /// <summary>A small count in words as a text would write it ("nine"), larger ones in figures.</summary>
    private static string NumberWord(string language, int n)
    {
        var words = Catalogue.Text(language, "Ballots.NumberWords").Split(',');
        return n >= 0 && n < words.Length ? words[n].Trim() : n.ToString(Catalogue.FormatCulture(language));
    }

    public string BallotPaper(string language, Vote vote, string code, string zone)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return Catalogue.Format(
            language,
            "Voting.BallotPaper",
            Html.Escape(Council.NameOf(code, language)),
            OpeningHeading(language, vote),
            Dates.InZoneAndUtc(language, vote.ClosesAt, zone),
            $"/draft D{vote.DraftId} v{vote.Version}",
            $"/vote D{vote.DraftId}");
    }

    public string VotingStarted(string language, Vote vote, string zone)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return Catalogue.Format(language, "Voting.Started", OpeningHeading(language, vote), Dates.InZoneAndUtc(language, vote.ClosesAt, zone));
    }

    /// <summary>To a party to the dispute that may not read the draft: a vote concerns it, with no title, hash or id.</summary>
    public static string HiddenRecusedNotice(string language) => Catalogue.Format(language, "Ballots.HiddenRecusedNotice");

    /// <summary>To the same party at the close: the vote that concerned it has closed, and nothing more.</summary>
    public static string HiddenResult(string language) => Catalogue.Format(language, "Ballots.HiddenResult");

    public string RecusedNotice(string language, Vote vote) => Catalogue.Format(language, "Voting.RecusedNotice", OpeningHeading(language, vote));

    public string Opened(string language, Vote vote, string zone)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return Catalogue.Plural(language, "Voting.Opened", vote.Voting.Count, OpeningHeading(language, vote), Dates.InZoneAndUtc(language, vote.ClosesAt, zone));
    }

    // ---- while open: tally and reminders ----

    /// <summary>Who has voted (how, only when the council's votes are open) while voting is open.</summary>
    public string OpenTally(string language, Vote vote, IReadOnlyList<Ballot> ballots, string zone)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(ballots);
        var voted = ballots.ToDictionary(b => b.DelegationCode, StringComparer.Ordinal);
        var text = new StringBuilder(PartPlural(language, "Voting.TallyHeading", vote.Voting.Count, Ref(vote.DraftId, vote.Version), voted.Count, Dates.InZoneAndUtc(language, vote.ClosesAt, zone))).Append('\n');
        // Those who have not voted first: they are who the chair is looking for.
        foreach (var code in vote.Voting.OrderBy(c => voted.ContainsKey(c)).ThenBy(c => Council.NameOf(c, language), StringComparer.OrdinalIgnoreCase))
        {
            var status = voted.TryGetValue(code, out var ballot) ? (vote.OpenTally ? Words(language, ballot.Choice) : Catalogue.Text(language, "Voting.Voted")) : Catalogue.Text(language, "Voting.NotYet");
            text.Append(Part(language, "Voting.TallyLine", Html.Escape(Council.NameOf(code, language)), status)).Append('\n');
        }

        return Bidi.Lines(language, text.ToString().TrimEnd());
    }

    /// <summary>The chair's button under a tally while some have not voted: runs <c>/remind D&lt;n&gt;</c> as if typed.</summary>
    public static Button RemindButton(string language, Vote vote)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return Telegram.Routing.CommandButton.For(Catalogue.Text(language, "Ballots.RemindButton"), $"remind D{vote.DraftId}");
    }

    public static string NobodyToRemind(string language, long draftId) => Catalogue.Format(language, "Voting.NobodyToRemind", $"D{draftId}");

    public static string EveryoneHasVoted(string language) => Catalogue.Format(language, "Voting.EveryoneHasVoted");

    public string PrivateReminder(string language, Vote vote, string code, string zone) =>
        Catalogue.Format(language, "Voting.PrivateReminder", Html.Escape(Council.NameOf(code, language)), Heading(language, vote), Dates.InZoneAndUtc(language, vote.ClosesAt, zone));

    public static string GroupReminder(string language, Vote vote, string zone) =>
        Catalogue.Format(language, "Voting.GroupReminder", Heading(language, vote), Dates.InZoneAndUtc(language, vote.ClosesAt, zone));

    public string Reminded(string language, IReadOnlyCollection<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        return Catalogue.Plural(language, "Voting.Reminded", codes.Count, Html.Escape(Lists.SortedAndJoined(language, codes.Select(c => Council.NameOf(c, language)), Catalogue.Text(language, "Voting.ListSeparator"))));
    }

    // ---- the result ----

    /// <summary>The result message posted to every delegation at the close (and shown by /tally afterwards), in <paramref name="language"/>.</summary>
    public string Result(string language, Vote vote, VoteCount count)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(count);
        var (ballots, result) = count;
        var text = new StringBuilder()
            .Append(Part(language, "Voting.ResultHeading." + vote.Matter, Ref(vote.DraftId, vote.Version), Html.Escape(vote.Title), Short(vote.TextHash))).Append('\n')
            .Append(Part(language, result.Adopted ? "Voting.Adopted" : "Voting.NotAdopted", Html.Escape(Grounds(language, vote, count)))).Append('\n');
        if (vote.Symbol is { } symbol)
        {
            text.Append(Part(language, "Kinds.Vote.Symbol", Html.Escape(symbol))).Append('\n');
        }

        text.Append(Line("Voting.Line.InFavour", ballots.Where(b => b.Choice == VoteChoice.Yes).Select(b => b.DelegationCode)));
        text.Append(Line("Voting.Line.Against", ballots.Where(b => b.Choice == VoteChoice.No).Select(b => b.DelegationCode)));
        text.Append(Line("Voting.Line.Abstaining", ballots.Where(b => b.Choice == VoteChoice.Abstain).Select(b => b.DelegationCode)));
        text.Append(Line("Voting.Line.Absent", result.Absent));
        if (vote.Recused.Count > 0)
        {
            text.Append(Line("Voting.Line.Recused", vote.Recused));
        }

        if (vote.ExplanationsUntil is { } until)
        {
            text.Append(Part(language, "Voting.ExplanationsInvited", $"D{vote.DraftId}", UtcTime(language, until)));
        }

        return Bidi.Lines(language, text.ToString().TrimEnd());

        string Line(string key, IEnumerable<string> codes)
        {
            // In the reader's collation (pinyin in Chinese), joined as their language joins a list.
            var names = Lists.Sorted(language, codes.Select(c => Council.NameOf(c, language)));
            return Part(language, key, names.Count, names.Count == 0 ? Catalogue.Text(language, "Voting.None") : Html.Escape(Lists.Join(language, names, Catalogue.Text(language, "Voting.ListSeparator")))) + "\n";
        }
    }

    /// <summary>
    /// The grounds of a result in <paramref name="language"/>. The domain words them in English (kept as they are, to
    /// the character); the other languages word the same facts, recomputed from the vote's rule and its counts.
    /// </summary>
    public string Grounds(string language, Vote vote, VoteCount count)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(count);
        var result = count.Result;
        if (language == Languages.English || !Languages.IsKnown(language))
        {
            return result.Grounds;
        }

        // Consensus sought first: by consensus, or "no consensus (...), then" the vote under two thirds or a majority.
        var rule = vote.Rule;
        var prefix = string.Empty;
        if (rule == DecisionRuleKind.ConsensusFirst)
        {
            var against = count.Ballots.Where(b => b.Choice == VoteChoice.No && vote.Voting.Contains(b.DelegationCode)).Select(b => b.DelegationCode).ToList();
            if (against.Count == 0 && result.Yes > 0)
            {
                rule = DecisionRuleKind.Consensus;
            }
            else
            {
                prefix = against.Count == 0
                    ? Part(language, "Committees.Grounds.NoConsensusNobody")
                    : Part(language, "Committees.Grounds.NoConsensusFrom", Lists.SortedAndJoined(language, against.Select(c => Council.NameOf(c, language)), Catalogue.Text(language, "Voting.ListSeparator")));
                rule = vote.Matter == MatterKind.Substantive ? DecisionRuleKind.TwoThirds : DecisionRuleKind.Majority;
            }
        }

        return prefix + Grounds(language, vote, count, rule);
    }

    private string Grounds(string language, Vote vote, VoteCount count, DecisionRuleKind ruleKind)
    {
        var result = count.Result;
        if (result.Adopted)
        {
            // The rule the votes met, then the remaining counts: the same facts as the domain's English.
            var voting = result.Yes + result.No;
            var (rule, againstStated) = ruleKind switch
            {
                DecisionRuleKind.Council => (Part(language, "Ballots.Grounds.Council." + vote.Matter, result.Yes, vote.Matter == MatterKind.Procedural ? Council.ProceduralThreshold : Council.SubstantiveThreshold), false),
                DecisionRuleKind.Majority => (Part(language, "Ballots.Grounds.Majority", result.Yes, result.No), true),
                DecisionRuleKind.TwoThirds => (Part(language, "Ballots.Grounds.TwoThirds", result.Yes, result.No, ((2 * voting) + 2) / 3, voting), true),
                _ => (Part(language, "Ballots.Grounds.Consensus", result.Yes), true),
            };
            var rest = againstStated
                ? PartPlural(language, "Ballots.Grounds.Abstentions", result.Abstain)
                : PartPlural(language, "Ballots.Grounds.Rest", result.Abstain, result.No);
            var absent = result.Absent.Count == 0 ? string.Empty : Part(language, "Voting.Grounds.Absent", result.Absent.Count);
            return rule + Catalogue.Text(language, "Ballots.Grounds.Separator") + rest + absent;
        }

        var names = new Func<IEnumerable<string>, string>(codes => Lists.SortedAndJoined(language, codes.Select(c => Council.NameOf(c, language)), Catalogue.Text(language, "Voting.ListSeparator")));
        switch (ruleKind)
        {
            case DecisionRuleKind.Council:
                var required = vote.Matter == MatterKind.Procedural ? Council.ProceduralThreshold : Council.SubstantiveThreshold;
                return result.Yes < required || result.Vetoes.Count == 0
                    ? PartPlural(language, "Voting.Grounds.Short", result.Yes, required)
                    : Part(language, "Voting.Grounds.Vetoed", names(result.Vetoes));
            case DecisionRuleKind.Majority:
                return Part(language, "Voting.Grounds.Majority", result.Yes, result.No);
            case DecisionRuleKind.TwoThirds:
                var voting = result.Yes + result.No;
                return voting == 0
                    ? Part(language, "Voting.Grounds.TwoThirdsNobody")
                    : Part(language, "Voting.Grounds.TwoThirds", result.Yes, result.No, ((2 * voting) + 2) / 3, voting);
            default:
                var objectors = count.Ballots.Where(b => b.Choice == VoteChoice.No && vote.Voting.Contains(b.DelegationCode)).Select(b => b.DelegationCode)
                    .OrderBy(Council.NameOf, StringComparer.OrdinalIgnoreCase).ToList();
                return objectors.Count == 0
                    ? Part(language, "Voting.Grounds.NoConsensusNobody")
                    : PartPlural(language, "Voting.Grounds.Objections", objectors.Count, names(objectors));
        }
    }

    // ---- explanations ----

    public static string ExplainWhileOpen(string language, long draftId) => Catalogue.Format(language, "Voting.ExplainWhileOpen", $"D{draftId}");

    public static string ExplanationsOver(string language, Vote vote, string zone)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return Catalogue.Format(language, "Voting.ExplanationsOver", $"D{vote.DraftId}", Dates.InZoneAndUtc(language, vote.ExplanationsUntil!.Value, zone));
    }

    public static string NotOfThisVote(string language) => Telegram.Routing.Access.RefusalText(language, Reason.Of(ReasonCode.OnlyVotersExplain));

    public string ExplanationRecorded(string language, Vote vote, string code, DateTime atUtc)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return Catalogue.Format(language, "Voting.ExplanationRecorded", Html.Escape(Council.NameOf(code, language)), $"D{vote.DraftId}", UtcTime(language, atUtc));
    }

    // ---- the record and the audit ----

    public static string RecordWhileOpen(string language, long draftId) => Catalogue.Format(language, "Voting.RecordWhileOpen", $"D{draftId}");

    /// <summary>
    /// The record of a closed vote as a plain-text document (not HTML: a file is read as typed) in the requester's
    /// <paramref name="language"/>. The explanations, the ballot log's own reasons and the text voted on are written as
    /// they were recorded; the stamps stay ISO 8601 to the millisecond in every language, as a record compares them.
    /// </summary>
    public string RecordDocument(string language, Vote vote, VoteCount count, IReadOnlyList<ExplanationOfVote> explanations, IReadOnlyList<BallotLogEntry> log)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(count);
        ArgumentNullException.ThrowIfNull(explanations);
        ArgumentNullException.ThrowIfNull(log);
        var (ballots, result) = count;
        var text = new StringBuilder();
        text.AppendLine(Line("Record.Title", Ref(vote.DraftId, vote.Version), vote.Title))
            .AppendLine(Bidi.Lines(language, Council.NameIn(language)))
            .AppendLine(Line("Record.MatterRule." + vote.Matter, CodeWords.Word(language, DecisionRuleNames.ToName(vote.Rule))))
            .AppendLine(Line("Record.Times", Stamp(vote.OpenedAt), Stamp(vote.ClosesAt), Stamp(vote.ClosedAt!.Value)))
            .AppendLine(Line(result.Adopted ? "Record.Result.Adopted" : "Record.Result.NotAdopted", Grounds(language, vote, count)))
            .Append(vote.Symbol is { } symbol ? Line("Kinds.Record.Symbol", symbol) + Environment.NewLine : string.Empty)
            .AppendLine(Line("Record.Counts", result.Yes, result.No, result.Abstain, result.Absent.Count))
            .AppendLine()
            .AppendLine(Line("Record.Votes"));
        foreach (var code in vote.Voting.OrderBy(c => Council.NameOf(c, language), StringComparer.OrdinalIgnoreCase))
        {
            var ballot = ballots.FirstOrDefault(b => b.DelegationCode == code);
            text.AppendLine(ballot is null
                ? Line("Record.Absent", Council.NameOf(code, language))
                : Line("Record.Ballot", Council.NameOf(code, language), Words(language, ballot.Choice), Stamp(ballot.CastAt), ballot.CastBy));
        }

        foreach (var code in vote.Recused)
        {
            text.AppendLine(Line("Record.Recused", Council.NameOf(code, language)));
        }

        text.AppendLine().AppendLine(Line("Record.Explanations"));
        if (explanations.Count == 0)
        {
            text.AppendLine(Line("Record.NoExplanations"));
        }

        foreach (var explanation in explanations)
        {
            text.AppendLine(Line("Record.Explanation", Council.NameOf(explanation.DelegationCode, language), Stamp(explanation.At), explanation.Text));
        }

        text.AppendLine().AppendLine(Line("Record.Log"));
        foreach (var entry in log)
        {
            var choice = entry.Choice is { } c ? Words(language, c) : string.Empty;
            text.AppendLine(Line("Record.LogEntry", entry.Sequence, Stamp(entry.AtUtc), entry.DelegationCode, entry.UserId, Catalogue.Text(language, "Record.Kind." + entry.Kind), choice, entry.Reason ?? string.Empty, entry.Hash));
        }

        // The text voted on is the delegations' own: written as it was put in blue, without marks.
        text.AppendLine().AppendLine(Line("Record.Text", vote.TextHash)).AppendLine(vote.Text);
        return text.ToString();

        string Line(string key, params object?[] args) => Catalogue.Format(language, key, args);
    }

    /// <summary>The record's file name: ASCII in every language, so that every system stores it as sent.</summary>
    public static string RecordFileName(Vote vote) => $"D{vote.DraftId}-v{vote.Version}-vote-record.txt";

    public static string RecordCaption(string language, Vote vote, DecisionResult result)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(result);
        return Catalogue.Format(language, result.Adopted ? "Record.Caption.Adopted" : "Record.Caption.NotAdopted", Ref(vote.DraftId, vote.Version), Html.Escape(vote.Title));
    }

    /// <summary>The audit's answer: the hash chain checked, and the tally replayed from the log against the recorded votes.</summary>
    public string Audit(string language, Vote vote, int entries, ChainCheck chain, int recorded, IReadOnlyList<string> mismatches, IReadOnlyList<BallotEntry>? log = null)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(mismatches);
        // The steps beyond ballots: each confirmed veto, and an early close, by whom.
        var steps = (log ?? []).Select(e => e.Kind == BallotEntryKind.Closed
                ? Part(language, e.UserId == 0 ? "Ballots.Audit.ClosedAfterGrace" : "Ballots.Audit.ClosedByChair", Stamp(e.AtUtc), e.UserId)
                : e.Reason == BallotButtonHandler.VetoConfirmed && e.Kind != BallotEntryKind.Refused
                    ? Part(language, "Ballots.Audit.VetoConfirmed", Html.Escape(Council.NameOf(e.DelegationCode, language)), Stamp(e.AtUtc))
                    : null)
            .OfType<string>();
        string[] lines =
        [
            PartPlural(language, "Audit.Heading", entries, Ref(vote.DraftId, vote.Version)),
            chain.IsIntact
                ? Part(language, "Audit.ChainIntact")
                : Part(language, "Audit.ChainBroken", chain.BrokenAt + 1, Html.Escape(chain.Why is { } why ? Reasons.Text(language, why) : string.Empty)),
            mismatches.Count == 0
                ? PartPlural(language, "Audit.TallyMatches", recorded)
                : Part(language, "Audit.TallyMismatch", string.Join(", ", mismatches)),
            .. steps,
            .. vote.Symbol is { } symbol ? [Part(language, "Kinds.Audit.Symbol", Html.Escape(symbol))] : Array.Empty<string>(),
        ];
        return Bidi.Lines(language, string.Join("\n", lines));
    }

    // ---- words ----

    /// <summary>The matter as the audit log writes it (English: the log is the operators').</summary>
    public static string MatterWord(MatterKind matter) => matter == MatterKind.Procedural ? "procedural" : "substantive";

    /// <summary>How a delegation voted, as the tally says it, in <paramref name="language"/>.</summary>
    public static string Words(string language, VoteChoice choice) => Catalogue.Text(language, "Voting.Choice." + choice);

    /// <summary>"D3 v4 «Title» (hash 1a2b3c4d)" in <paramref name="language"/>, for use inside a sentence.</summary>
    private static string Heading(string language, Vote vote) => Part(language, "Voting.Heading", Ref(vote.DraftId, vote.Version), Html.Escape(vote.Title), Short(vote.TextHash));

    private static string Ref(long draftId, int version) => $"D{draftId} v{version}";

    /// <summary>A time in UTC: English as the bot always wrote it, the others in their own culture's pattern.</summary>
    private static string UtcTime(string language, DateTime utc) => Dates.Utc(language, utc);

    /// <summary>A catalogue text filled for use inside another (arguments isolated in Arabic; the line marks are the whole message's).</summary>
    private static string Part(string language, string key, params object?[] args) => Fragment.Of(language, key, args);

    /// <summary><see cref="Part"/> in the plural form for <paramref name="count"/> (<c>{0}</c>), by the language's CLDR category.</summary>
    private static string PartPlural(string language, string key, long count, params object?[] args) => Fragment.Plural(language, key, count, args);

    private static string Short(string hash) => hash.Length > 8 ? hash[..8] : hash;

    private static string Stamp(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", CultureInfo.InvariantCulture);
}
