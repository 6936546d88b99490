using System.Globalization;
using System.Text;
using CoordBot.Council;
using CoordBot.Domain;
using CoordBot.Domain.Council;
using CoordBot.Domain.Membership;
using CoordBot.Domain.Voting;
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

    /// <summary>The reply to a ballot (the typed vote or the button's message).</summary>
    public string Ballot(Outcome<BallotRecorded, BallotRefusal> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Match(Receipt, refusal => $"Not recorded: {Html.Escape(RefusalClause(refusal))}.");
    }

    /// <summary>The short answer to a ballot button (plain text: a callback answer is not HTML).</summary>
    public static string BallotButton(Outcome<BallotRecorded, BallotRefusal> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.IsAccepted ? "Recorded." : "Not recorded: see the message.";
    }

    /// <summary>"Estonia voted against D3 v4 (hash 1a2b3c4d), recorded 14:03 UTC, 24 Nov 2026 by ...".</summary>
    public string Receipt(BallotRecorded ballot)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        return $"{Html.Escape(Council.NameOf(ballot.DelegationCode))} {Verb(ballot.Choice)} D{ballot.DraftId} v{ballot.Version} (hash {Short(ballot.TextHash)}), recorded {TimeDisplay.Utc(ballot.AtUtc)}"
            + (ballot.Changed ? " (changed: this vote replaces the earlier one)" : string.Empty)
            + $" by {Html.Escape(ballot.CastByName)}.";
    }

    /// <summary>Why a ballot was not recorded, as a clause (plain text): the reply's words and the ballot log's reason.</summary>
    public string RefusalClause(BallotRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Code switch
        {
            BallotRefusalCode.NotAVoter => "only the head or the deputy of a voting delegation may vote",
            BallotRefusalCode.Recused => $"{Council.NameOf(refusal.DelegationCode!)} is a party to the dispute and does not vote on this draft",
            BallotRefusalCode.NotVoting => $"{Council.NameOf(refusal.DelegationCode!)} is not among the delegations voting on this draft",
            BallotRefusalCode.BallotRules => refusal.RuleReason ?? "the ballot was refused",
            _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal.Code, "A refusal without words"),
        };
    }

    public static string InvalidBallotButton => "This ballot button is not valid. Nothing was recorded.";

    public static string UnknownBallot => "This ballot is not valid. Nothing was recorded.";

    public static string ExplanationTooLong => "An explanation of vote may be at most 4000 characters. Nothing was recorded.";

    // ---- finding a vote ----

    public static string NoVote(long draftId) =>
        $"There is no vote on D{draftId}. The chair opens one with /vote_open D{draftId} once the draft is in blue.";

    // ---- opening ----

    public static string WindowOutOfRange => "The voting window must be more than 0 and at most 168 hours, for example 24h.";

    public static string NotACouncilMember(string code) => $"{Html.Escape(code)} is not a member of the council; recuse takes codes such as ZAF,TUN.";

    public static string NoDraft(long draftId) => $"There is no draft D{draftId}. Send /drafts to see them.";

    public static string AlreadyVoting(long draftId) => $"Voting on D{draftId} is already open. /tally D{draftId} shows who has voted.";

    public static string NotInBlue(long draftId) =>
        $"D{draftId} is not in blue, so it cannot be put to the vote. Its penholder puts the final text in blue with /blue D{draftId}.";

    public static string EveryoneRecused(long draftId) =>
        $"Every delegation would be recused, so nobody could vote on D{draftId}. Recuse only the parties to the dispute.";

    /// <summary>The vote's heading in announcements: "D3 v4 «Title» (hash 1a2b3c4d), substantive matter, rule: council".</summary>
    public static string OpeningHeading(Vote vote)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return $"{Heading(vote)}, {MatterWord(vote.Matter)} matter, rule: {DecisionRuleNames.ToName(vote.Rule)}";
    }

    public string BallotPaper(Vote vote, string code, string zone)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return $"<b>Ballot</b> for {Html.Escape(Council.NameOf(code))}: {OpeningHeading(vote)}.\nVoting closes {TimeDisplay.InZoneAndUtc(vote.ClosesAt, zone)}. The text: /draft D{vote.DraftId} v{vote.Version}.\nOne vote per delegation; the head or the deputy casts it. You may also send /vote D{vote.DraftId} yes|no|abstain [explanation].";
    }

    public static string VotingStarted(Vote vote, string zone)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return $"<b>Voting has started</b> on {OpeningHeading(vote)}.\nDeadline: {TimeDisplay.InZoneAndUtc(vote.ClosesAt, zone)}. Your head and deputy have private ballots; a delegation that does not vote counts as absent.";
    }

    public static string RecusedNotice(Vote vote) => $"Voting has started on {OpeningHeading(vote)}. As a party to the dispute, your delegation does not vote.";

    public static string Opened(Vote vote, string zone)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return $"Voting opened on {OpeningHeading(vote)}: {vote.Voting.Count} delegations vote, closing {TimeDisplay.InZoneAndUtc(vote.ClosesAt, zone)}.";
    }

    // ---- while open: tally and reminders ----

    /// <summary>Who has voted (how, only when the council's votes are open) while voting is open.</summary>
    public string OpenTally(Vote vote, IReadOnlyList<Ballot> ballots, string zone)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(ballots);
        var voted = ballots.ToDictionary(b => b.DelegationCode, StringComparer.Ordinal);
        var text = new StringBuilder($"<b>Voting on D{vote.DraftId} v{vote.Version}</b>: {voted.Count} of {vote.Voting.Count} delegations have voted; closes {TimeDisplay.InZoneAndUtc(vote.ClosesAt, zone)}.\n");
        foreach (var code in vote.Voting.OrderBy(Council.NameOf, StringComparer.OrdinalIgnoreCase))
        {
            text.Append(Html.Escape(Council.NameOf(code))).Append(": ")
                .Append(voted.TryGetValue(code, out var ballot) ? (vote.OpenTally ? Words(ballot.Choice) : "voted") : "not yet")
                .Append('\n');
        }

        return text.ToString().TrimEnd();
    }

    public static string NobodyToRemind(long draftId) => $"Voting on D{draftId} has closed; there is no one to remind.";

    public static string EveryoneHasVoted => "Every delegation has voted.";

    public string PrivateReminder(Vote vote, string code, string zone) =>
        $"<b>Reminder</b>: {Html.Escape(Council.NameOf(code))} has not voted on {Heading(vote)}. Voting closes {TimeDisplay.InZoneAndUtc(vote.ClosesAt, zone)}.";

    public static string GroupReminder(Vote vote, string zone) =>
        $"<b>Reminder</b>: your delegation has not yet voted on {Heading(vote)}. Voting closes {TimeDisplay.InZoneAndUtc(vote.ClosesAt, zone)}.";

    public string Reminded(IReadOnlyCollection<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        return $"Reminded {codes.Count} delegations: {Html.Escape(string.Join(", ", codes.Select(Council.NameOf).Order(StringComparer.OrdinalIgnoreCase)))}.";
    }

    // ---- the result ----

    /// <summary>The result message posted to every delegation at the close (and shown by /tally afterwards).</summary>
    public string Result(Vote vote, VoteCount count)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(count);
        var (ballots, result) = count;
        var text = new StringBuilder()
            .Append($"<b>Result of the vote on D{vote.DraftId} v{vote.Version}</b> «{Html.Escape(vote.Title)}» (hash {Short(vote.TextHash)}), {MatterWord(vote.Matter)} matter\n")
            .Append(result.Adopted ? "<b>ADOPTED</b>: " : "<b>NOT ADOPTED</b>: ")
            .Append(Html.Escape(result.Grounds)).Append('\n');
        text.Append(Line("In favour", ballots.Where(b => b.Choice == VoteChoice.Yes).Select(b => b.DelegationCode)));
        text.Append(Line("Against", ballots.Where(b => b.Choice == VoteChoice.No).Select(b => b.DelegationCode)));
        text.Append(Line("Abstaining", ballots.Where(b => b.Choice == VoteChoice.Abstain).Select(b => b.DelegationCode)));
        text.Append(Line("Absent (did not vote)", result.Absent));
        if (vote.Recused.Count > 0)
        {
            text.Append(Line("Not voting (parties to the dispute)", vote.Recused));
        }

        if (vote.ExplanationsUntil is { } until)
        {
            text.Append($"Explanations of vote: /explain D{vote.DraftId} &lt;text&gt; until {TimeDisplay.Utc(until)}. The full record: /record D{vote.DraftId}");
        }

        return text.ToString().TrimEnd();

        string Line(string label, IEnumerable<string> codes)
        {
            var names = codes.Select(Council.NameOf).Order(StringComparer.OrdinalIgnoreCase).ToList();
            return $"{label} ({names.Count}): {(names.Count == 0 ? "none" : Html.Escape(string.Join(", ", names)))}\n";
        }
    }

    // ---- explanations ----

    public static string ExplainWhileOpen(long draftId) =>
        $"Voting is still open. Give the explanation with the vote (/vote D{draftId} yes|no|abstain &lt;explanation&gt;) or after the result.";

    public static string ExplanationsOver(Vote vote, string zone)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return $"Explanations of vote on D{vote.DraftId} were accepted until {TimeDisplay.InZoneAndUtc(vote.ExplanationsUntil!.Value, zone)}. Nothing was recorded.";
    }

    public static string NotOfThisVote => Html.Escape(Telegram.Routing.Access.Sentence(Permissions.OnlyVotersExplain));

    public string ExplanationRecorded(Vote vote, string code, DateTime atUtc)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return $"The explanation of vote of {Html.Escape(Council.NameOf(code))} on D{vote.DraftId} is recorded ({TimeDisplay.Utc(atUtc)}); it appears in /record D{vote.DraftId}.";
    }

    // ---- the record and the audit ----

    public static string RecordWhileOpen(long draftId) =>
        $"Voting on D{draftId} is still open; the record is made when it closes. /tally D{draftId} shows who has voted.";

    /// <summary>The record of a closed vote as a plain-text document (not HTML: a file is read as typed).</summary>
    public string RecordDocument(Vote vote, VoteCount count, IReadOnlyList<ExplanationOfVote> explanations, IReadOnlyList<BallotLogEntry> log)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(count);
        ArgumentNullException.ThrowIfNull(explanations);
        ArgumentNullException.ThrowIfNull(log);
        var (ballots, result) = count;
        var text = new StringBuilder();
        text.AppendLine($"RECORD OF THE VOTE ON D{vote.DraftId} v{vote.Version}: {vote.Title}")
            .AppendLine(Council.Name)
            .AppendLine($"Matter: {MatterWord(vote.Matter)}; rule: {DecisionRuleNames.ToName(vote.Rule)}")
            .AppendLine($"Opened: {Stamp(vote.OpenedAt)}; deadline: {Stamp(vote.ClosesAt)}; closed: {Stamp(vote.ClosedAt!.Value)}")
            .AppendLine($"Result: {(result.Adopted ? "ADOPTED" : "NOT ADOPTED")} ({result.Reason})")
            .AppendLine($"In favour {result.Yes}, against {result.No}, abstaining {result.Abstain}, absent {result.Absent.Count}")
            .AppendLine()
            .AppendLine("VOTES (the current vote of each delegation)");
        foreach (var code in vote.Voting.OrderBy(Council.NameOf, StringComparer.OrdinalIgnoreCase))
        {
            var ballot = ballots.FirstOrDefault(b => b.DelegationCode == code);
            text.AppendLine(ballot is null
                ? $"  {Council.NameOf(code)}: absent"
                : $"  {Council.NameOf(code)}: {Words(ballot.Choice)}, recorded {Stamp(ballot.CastAt)} (user {ballot.CastBy})");
        }

        foreach (var code in vote.Recused)
        {
            text.AppendLine($"  {Council.NameOf(code)}: did not vote (party to the dispute)");
        }

        text.AppendLine().AppendLine("EXPLANATIONS OF VOTE");
        if (explanations.Count == 0)
        {
            text.AppendLine("  none");
        }

        foreach (var explanation in explanations)
        {
            text.AppendLine($"  {Council.NameOf(explanation.DelegationCode)} ({Stamp(explanation.At)}): {explanation.Text}");
        }

        text.AppendLine().AppendLine("BALLOT LOG (append-only, hash-chained; /audit checks it)");
        foreach (var entry in log)
        {
            var choice = entry.Choice is { } c ? Words(c) : string.Empty;
            text.AppendLine($"  #{entry.Sequence} {Stamp(entry.AtUtc)} {entry.DelegationCode} user {entry.UserId}: {KindWord(entry.Kind)} {choice} {entry.Reason ?? ""} hash {entry.Hash}");
        }

        text.AppendLine().AppendLine($"TEXT VOTED ON (SHA-256 {vote.TextHash})").AppendLine(vote.Text);
        return text.ToString();
    }

    public static string RecordFileName(Vote vote) => $"D{vote.DraftId}-v{vote.Version}-vote-record.txt";

    public static string RecordCaption(Vote vote, DecisionResult result)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(result);
        return $"Record of the vote on D{vote.DraftId} v{vote.Version} «{Html.Escape(vote.Title)}»: {(result.Adopted ? "adopted" : "not adopted")}.";
    }

    /// <summary>The audit's answer: the hash chain checked, and the tally replayed from the log against the recorded votes.</summary>
    public static string Audit(Vote vote, int entries, ChainCheck chain, int recorded, IReadOnlyList<string> mismatches)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(mismatches);
        return string.Join(
            "\n",
            $"<b>Audit of the vote on D{vote.DraftId} v{vote.Version}</b>: {entries} log entries.",
            chain.IsIntact
                ? "Hash chain: intact (every entry links to the one before and matches its hash)."
                : $"Hash chain: BROKEN at entry {chain.BrokenAt + 1}: {Html.Escape(chain.Why ?? string.Empty)}.",
            mismatches.Count == 0
                ? $"Tally recomputed from the log matches the recorded votes ({recorded} delegations)."
                : $"Tally MISMATCH for {string.Join(", ", mismatches)}: the recorded votes differ from the log.");
    }

    // ---- words ----

    public static string MatterWord(MatterKind matter) => matter == MatterKind.Procedural ? "procedural" : "substantive";

    /// <summary>How a delegation voted, as the tally and the record say it.</summary>
    public static string Words(VoteChoice choice) => choice switch
    {
        VoteChoice.Yes => "in favour",
        VoteChoice.No => "against",
        VoteChoice.Abstain => "abstaining",
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, null),
    };

    /// <summary>What a delegation did, as a receipt says it: "Estonia voted against D3 v4".</summary>
    public static string Verb(VoteChoice choice) => choice switch
    {
        VoteChoice.Yes => "voted in favour of",
        VoteChoice.No => "voted against",
        VoteChoice.Abstain => "abstained on",
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, null),
    };

    private static string KindWord(BallotEntryKind kind) => kind switch
    {
        BallotEntryKind.Cast => "cast",
        BallotEntryKind.Changed => "changed",
        BallotEntryKind.Refused => "refused",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string Heading(Vote vote) => $"D{vote.DraftId} v{vote.Version} «{Html.Escape(vote.Title)}» (hash {Short(vote.TextHash)})";

    private static string Short(string hash) => hash.Length > 8 ? hash[..8] : hash;

    private static string Stamp(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", CultureInfo.InvariantCulture);
}
