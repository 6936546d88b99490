using CoordBot.Domain;
using System.Globalization;
using System.Text;
using CoordBot.Council;
using CoordBot.Domain.Membership;
using CoordBot.Domain.Voting;
using CoordBot.Features.Delegations;
using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Voting;

/// <summary>
/// Casting, counting and closing votes. Every ballot (cast, changed or refused) is appended to the
/// vote's hash-chained log in the same transaction as the current vote it changes; writers are
/// serialised, so the head and the deputy of one delegation pressing at once give two log entries
/// and one current vote.
/// </summary>
public sealed class VotingService(CouncilProvider councilProvider, IVotableDrafts drafts, DelegationMessenger messenger, ILogger<VotingService> logger)
{
    public const string ButtonPrefix = "b";

    public Task<Vote?> LatestVoteAsync(CoordBotDb db, long draftId, CancellationToken cancellationToken) =>
        db.Votes.Where(v => v.DraftId == draftId).OrderByDescending(v => v.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The ballot's buttons; the data names the vote and the choice, never a delegation.</summary>
    public static IReadOnlyList<IReadOnlyList<Button>> BallotButtons(long voteId) =>
    [
        [
            new Button("In favour", $"{ButtonPrefix}:{voteId}:y"),
            new Button("Against", $"{ButtonPrefix}:{voteId}:n"),
            new Button("Abstain", $"{ButtonPrefix}:{voteId}:a"),
        ],
    ];

    /// <summary>Records a vote request: what was recorded, or why not (already logged either way).</summary>
    public async Task<Outcome<BallotRecorded, BallotNotRecorded>> CastAsync(UpdateContext context, Vote vote, VoteChoice choice, string? explanation, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var actor = context.Actor;
        var now = context.NowUtc;
        var council = councilProvider.Council;
        var code = actor.DelegationCode;

        string? refusal = null;
        if (code is null || !actor.IsHeadOrDeputy)
        {
            refusal = "only the head or the deputy of a voting delegation may vote";
        }
        else if (vote.Recused.Contains(code))
        {
            refusal = $"{council.NameOf(code)} is a party to the dispute and does not vote on this draft";
        }
        else if (!vote.Voting.Contains(code))
        {
            refusal = $"{council.NameOf(code)} is not among the delegations voting on this draft";
        }
        else if (!vote.IsOpen)
        {
            refusal = "voting has closed: the vote was not counted";
        }

        var current = code is null ? null : await db.Ballots.FindAsync([vote.Id, code], cancellationToken);
        var decision = refusal is null
            ? BallotRules.Check(now, vote.ClosesAt, current?.Choice, choice, vote.AllowChange)
            : new BallotDecision(BallotEntryKind.Refused, refusal);

        await AppendLogAsync(db, vote, code ?? "-", actor.UserId, choice, decision, now, cancellationToken);
        var label = $"D{vote.DraftId} v{vote.Version}";
        if (!decision.Accepted)
        {
            logger.LogInformation("Ballot refused on {Vote} for user {UserId}: {Reason}", vote.LogId, actor.UserId, decision.Reason);
            return Outcome<BallotRecorded, BallotNotRecorded>.Refuse(new BallotNotRecorded(decision.Reason ?? "the ballot was refused"));
        }

        if (current is null)
        {
            db.Ballots.Add(new Ballot { VoteId = vote.Id, DelegationCode = code!, Choice = choice, CastBy = actor.UserId, CastAt = now });
        }
        else
        {
            current.Choice = choice;
            current.CastBy = actor.UserId;
            current.CastAt = now;
        }

        if (!string.IsNullOrWhiteSpace(explanation))
        {
            db.Explanations.Add(new ExplanationOfVote { VoteId = vote.Id, DelegationCode = code!, UserId = actor.UserId, Text = explanation.Trim(), At = now });
        }

        var recorded = new BallotRecorded(council.NameOf(code!), choice, label, vote.TextHash, now, decision.Kind == BallotEntryKind.Changed, actor.DisplayName);
        var receipt = BallotText.Receipt(recorded);
        var group = (await messenger.RecipientsAsync(db, [code!], includeObservers: false, cancellationToken))[code!];
        foreach (var chat in group.Where(c => c != context.ChatId && c < 0))
        {
            context.Outbox.Send(chat, receipt);
        }

        await db.SaveChangesAsync(cancellationToken);
        var voted = await db.Ballots.CountAsync(b => b.VoteId == vote.Id, cancellationToken);
        if (voted >= vote.Voting.Count)
        {
            await CloseAsync(db, context.Outbox, vote, now, cancellationToken);
        }

        return Outcome<BallotRecorded, BallotNotRecorded>.Accept(recorded);
    }

    /// <summary>Writes a refusal that has no vote of its own to attach to (an unknown or forged vote) to the audit log.</summary>
    public static void AuditRefusal(UpdateContext context, string what) =>
        context.Audit("ballot.refused", $"user {context.Actor.UserId}: {what}");

    private static async Task AppendLogAsync(CoordBotDb db, Vote vote, string code, long userId, VoteChoice choice, BallotDecision decision, DateTime now, CancellationToken cancellationToken)
    {
        var last = await db.BallotLog.Where(e => e.VoteId == vote.Id).OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);
        IReadOnlyList<BallotEntry> tail = last is null ? [] : [last.ToDomain(vote.LogId)];
        var entry = BallotLog.Append(tail, vote.LogId, code, userId, choice, decision.Kind, decision.Reason, now);
        db.BallotLog.Add(BallotLogEntry.From(vote.Id, entry));
    }

    /// <summary>Closes a vote once (deadline or everyone has voted): decides, unlocks the draft's fate, posts the result to every delegation.</summary>
    public async Task CloseAsync(CoordBotDb db, Outbox outbox, Vote vote, DateTime now, CancellationToken cancellationToken)
    {
        if (!vote.IsOpen)
        {
            return;
        }

        var council = councilProvider.Council;
        var ballots = await db.Ballots.Where(b => b.VoteId == vote.Id).ToListAsync(cancellationToken);
        var votes = ballots.ToDictionary(b => b.DelegationCode, b => b.Choice, StringComparer.Ordinal);
        var result = DecisionRules.Decide(vote.Rule, vote.Matter, council, vote.Voting.ToHashSet(StringComparer.Ordinal), votes);
        vote.ClosedAt = now;
        vote.Adopted = result.Adopted;
        vote.Reason = result.Reason;
        vote.ExplanationsUntil = now.AddHours(council.ExplanationHours);
        await drafts.MarkDecidedAsync(db, vote.DraftId, result.Adopted, cancellationToken);
        var text = ResultText(vote, ballots, result);
        await messenger.SendAsync(db, outbox, council.Members.Select(m => m.Code).ToList(), _ => text, cancellationToken);
        logger.LogInformation("Vote {Vote} on draft {DraftId} closed: {Outcome}", vote.LogId, vote.DraftId, result.Reason);
    }

    public string ResultText(Vote vote, IReadOnlyList<Ballot> ballots, DecisionResult result)
    {
        var council = councilProvider.Council;
        var text = new StringBuilder()
            .Append($"<b>Result of the vote on D{vote.DraftId} v{vote.Version}</b> «{Html.Escape(vote.Title)}» (hash {vote.TextHash[..8]}), {MatterWord(vote.Matter)} matter\n")
            .Append(result.Adopted ? "<b>ADOPTED</b>: " : "<b>NOT ADOPTED</b>: ")
            .Append(Html.Escape(Why(result))).Append('\n');
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
            var names = codes.Select(council.NameOf).Order(StringComparer.OrdinalIgnoreCase).ToList();
            return $"{label} ({names.Count}): {(names.Count == 0 ? "none" : Html.Escape(string.Join(", ", names)))}\n";
        }
    }

    /// <summary>The reason without a repeated "adopted:" (the outcome is already in capitals before it).</summary>
    public static string Why(DecisionResult result) =>
        result.Reason.StartsWith("adopted: ", StringComparison.Ordinal) ? result.Reason["adopted: ".Length..] : result.Reason;

    public static string MatterWord(MatterKind matter) => matter == MatterKind.Procedural ? "procedural" : "substantive";

    /// <summary>Zone in which to show a delegation's deadlines: its head's, else its deputy's, else UTC.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> DelegationZonesAsync(CoordBotDb db, IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.EndedAt == null && codes.Contains(m.DelegationCode) && (m.Role == DelegationRole.Head || m.Role == DelegationRole.Deputy))
            .Join(db.People, m => m.UserId, p => p.UserId, (m, p) => new { m.DelegationCode, m.Role, p.TimeZone })
            .ToListAsync(cancellationToken);
        return codes.ToDictionary(
            c => c,
            c => rows.Where(r => r.DelegationCode == c).OrderBy(r => r.Role).Select(r => r.TimeZone).FirstOrDefault() ?? "UTC",
            StringComparer.Ordinal);
    }

    /// <summary>The heads and deputies (their private chats) of the given delegations.</summary>
    public static async Task<List<(string Code, long UserId)>> VotersAsync(CoordBotDb db, IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.EndedAt == null && codes.Contains(m.DelegationCode) && (m.Role == DelegationRole.Head || m.Role == DelegationRole.Deputy))
            .Select(m => new { m.DelegationCode, m.UserId })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.DelegationCode, r.UserId)).ToList();
    }

    public static string Hours(double hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);
}
