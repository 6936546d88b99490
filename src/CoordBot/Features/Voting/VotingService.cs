using CoordBot.Domain;
using CoordBot.Council;
using CoordBot.Domain.Membership;
using CoordBot.Domain.Voting;
using CoordBot.Persistence;
using CoordBot.Telegram.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoordBot.Features.Voting;

/// <summary>
/// Casting, counting and closing votes. Every ballot (cast, changed or refused) is appended to the
/// vote's hash-chained log in the same transaction as the current vote it changes; the writers of one
/// vote are serialised (SQLite's one writer; on PostgreSQL the vote's row, locked while a ballot is
/// appended), so the head and the deputy of one delegation pressing at once give two log entries
/// and one current vote, and the vote closes once.
/// </summary>
public sealed class VotingService(
    CouncilProvider councilProvider,
    IVotableDrafts drafts,
    VotingText text,
    VoteDeadlines deadlines,
    IOptions<VotingOptions> options,
    ILogger<VotingService> logger)
{
    public const string ButtonPrefix = "b";

    /// <summary>The chair's "close the vote now" button, once every delegation has voted: <c>bc:&lt;vote&gt;</c>.</summary>
    public const string CloseButtonPrefix = "bc";

    /// <summary>How long a vote everyone has voted in stays open with no change (<c>Voting:EarlyCloseGrace</c>).</summary>
    public TimeSpan Grace => options.Value.Grace;

    public Task<Vote?> LatestVoteAsync(CoordBotDb db, long draftId, CancellationToken cancellationToken) =>
        db.Votes.Where(v => v.DraftId == draftId).OrderByDescending(v => v.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The ballot's buttons; the data names the vote and the choice, never a delegation.</summary>
    public static IReadOnlyList<IReadOnlyList<Button>> BallotButtons(long voteId, string language)
    {
        var (yes, no, abstain) = VotingText.ButtonLabels(language);
        return [[new Button(yes, $"{ButtonPrefix}:{voteId}:y"), new Button(no, $"{ButtonPrefix}:{voteId}:n"), new Button(abstain, $"{ButtonPrefix}:{voteId}:a")]];
    }

    /// <summary>
    /// Records a ballot: what was recorded, or why not (logged either way). Who may vote is
    /// <see cref="Permissions.MayCastBallot"/>; whether it is in time is judged by when it was SENT
    /// (<see cref="BallotCasting.SentAtUtc"/>: a typed vote's message date, a button press's receipt), so a
    /// ballot sent before the deadline while the bot was down still counts after the restart.
    /// </summary>
    /// <param name="note">Written to the ballot log with an accepted ballot (a confirmed veto says so).</param>
    /// <summary>Why <paramref name="actor"/> may not vote in <paramref name="vote"/> for their delegation (null: they may, the ballot's own rules aside).</summary>
    public static BallotRefusal? VoterRefusal(Actor actor, Vote vote)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(vote);
        var code = actor.DelegationCode;
        return code is null || Permissions.MayCastBallot(actor).IsRefused ? new BallotRefusal(BallotRefusalCode.NotAVoter)
            : vote.Recused.Contains(code) ? new BallotRefusal(BallotRefusalCode.Recused, code)
            : !vote.Voting.Contains(code) ? new BallotRefusal(BallotRefusalCode.NotVoting, code)
            : null;
    }

    public async Task<BallotCast> CastAsync(CoordBotDb db, BallotCasting casting, Vote vote, VoteChoice choice, string? explanation, CancellationToken cancellationToken, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(casting);
        var actor = casting.Voter;
        var now = casting.NowUtc;
        var code = actor.DelegationCode;

        // Ballots of one vote come from many chats, and so from several instances at once: the vote's row is locked while
        // its ballot log is extended (the hash chain's tail read below stays the tail) and while it is judged open.
        await Contention.LockAsync(db, "Votes", vote.Id, vote, cancellationToken);
        var current = code is null ? null : await db.Ballots.FindAsync([vote.Id, code], cancellationToken);
        var refusal = VoterRefusal(actor, vote);
        var decision = refusal is null
            ? BallotRules.Check(casting.SentAtUtc, vote.ClosesAt, current?.Choice, choice, vote.AllowChange, closed: !vote.IsOpen)
            : new BallotDecision(BallotEntryKind.Refused, null);
        refusal ??= decision.Accepted ? null : new BallotRefusal(BallotRefusalCode.BallotRules, code, decision.Reason);

        // The log keeps the refusal's English words (its hash covers them), or the note of an accepted ballot.
        var logged = refusal is not null ? text.RefusalClause(refusal) : note;
        await AppendLogAsync(db, vote, code ?? "-", actor.UserId, choice, decision.Kind, logged, now, cancellationToken);
        if (refusal is not null)
        {
            logger.LogInformation("Ballot refused on {Vote} for user {UserId}: {Refusal}", vote.LogId, actor.UserId, refusal.Code);
            return new BallotCast(Outcome<BallotRecorded, BallotRefusal>.Refuse(refusal), []);
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

        var recorded = new BallotRecorded(code!, choice, vote.DraftId, vote.Version, vote.TextHash, now, decision.Kind == BallotEntryKind.Changed, actor.DisplayName);
        var accepted = Outcome<BallotRecorded, BallotRefusal>.Accept(recorded);
        List<VotingEvent> events = [new ReceiptDue(recorded, casting.ChatId)];

        await db.SaveChangesAsync(cancellationToken);
        // Counted once for this ballot: whether everyone has voted, the tallies shown, and the result if it closes the vote.
        var count = await CountAsync(db, vote, cancellationToken);
        var everyone = count.Ballots.Count >= vote.Voting.Count;
        // Everyone has voted: the vote stays open for the grace after this ballot, so a mis-tap can be corrected (Voting:EarlyCloseGrace).
        var closing = VoteClosingRules.Decide(now, vote.ClosesAt, everyone, now, Grace);
        if (everyone && closing.Kind != VoteClosingKind.Wait)
        {
            // With no grace the vote closes with the last ballot, as it always did, and its log stays as it always was.
            if (await CloseAsync(db, vote, now, cancellationToken, closing.Kind == VoteClosingKind.Early && Grace > TimeSpan.Zero ? new EarlyClose(0, ByChair: false) : null, count) is { } closed)
            {
                events.Add(closed);
            }

            return new BallotCast(accepted, events);
        }

        events.Add(new TallyChanged(vote, count.Ballots, everyone, now));
        if (everyone)
        {
            await deadlines.ScheduleAsync(vote.Id, closing.NextCheckUtc!.Value, cancellationToken);
            if (current is null)
            {
                events.Add(new EveryoneVoted(vote, closing.NextCheckUtc.Value));
            }
        }

        return new BallotCast(accepted, events);
    }

    /// <summary>The live message topic of a vote's tally (<see cref="CoordBot.Telegram.Delivery.LiveMessages"/>).</summary>
    public static string TallyTopic(long voteId) => "tally:" + voteId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task AppendLogAsync(CoordBotDb db, Vote vote, string code, long userId, VoteChoice? choice, BallotEntryKind kind, string? reason, DateTime now, CancellationToken cancellationToken)
    {
        var last = await db.BallotLog.Where(e => e.VoteId == vote.Id).OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);
        IReadOnlyList<BallotEntry> tail = last is null ? [] : [last.ToDomain(vote.LogId)];
        var entry = BallotLog.Append(tail, vote.LogId, code, userId, choice, kind, reason, now);
        db.BallotLog.Add(BallotLogEntry.From(vote.Id, entry));
    }

    /// <summary>The current votes of a vote and the decision they make under its rule (<see cref="VoteTally"/>).</summary>
    public async Task<VoteCount> CountAsync(CoordBotDb db, Vote vote, CancellationToken cancellationToken)
    {
        var ballots = await db.Ballots.Where(b => b.VoteId == vote.Id).ToListAsync(cancellationToken);
        return VoteTally.Of(councilProvider.Council, vote, ballots);
    }

    /// <summary>
    /// Closes a vote once (at the deadline, or early: every delegation had voted and the grace passed, or the chair closed it):
    /// decides and unlocks the draft's fate; returns the result for every delegation to be told (<see cref="VotingDelivery"/>),
    /// or null when the vote was closed already. An early close is written to the ballot log.
    /// </summary>
    /// <param name="counted">The count the caller just made of the same ballots (a last ballot closing the vote), not made again.</param>
    public async Task<VoteClosed?> CloseAsync(CoordBotDb db, Vote vote, DateTime now, CancellationToken cancellationToken, EarlyClose? early = null, VoteCount? counted = null)
    {
        await Contention.LockAsync(db, "Votes", vote.Id, vote, cancellationToken);
        // Close once, whoever else tries (a command, a last ballot, a deadline on another instance): the conditional
        // update is the decision, and the loser does nothing.
        if (!vote.IsOpen || await db.Votes.Where(v => v.Id == vote.Id && v.ClosedAt == null).ExecuteUpdateAsync(s => s.SetProperty(v => v.ClosedAt, now), cancellationToken) == 0)
        {
            return null;
        }

        if (early is not null)
        {
            var reason = early.ByChair
                ? "closed early by the chair: every delegation had voted"
                : $"closed early: every delegation had voted and no vote changed for {Grace.ToString("c", System.Globalization.CultureInfo.InvariantCulture)}";
            await AppendLogAsync(db, vote, "-", early.UserId, null, BallotEntryKind.Closed, reason, now, cancellationToken);
        }

        var council = councilProvider.Council;
        var count = counted ?? await CountAsync(db, vote, cancellationToken);
        vote.ClosedAt = now;
        vote.Adopted = count.Result.Adopted;
        vote.Reason = count.Result.Reason;
        vote.ExplanationsUntil = WrittenVotingSchedule.ExplanationsUntil(now, council);
        await drafts.MarkDecidedAsync(db, vote.DraftId, count.Result.Adopted, cancellationToken);
        vote.Symbol = count.Result.Adopted ? await drafts.SymbolAsync(db, vote.DraftId, cancellationToken) : null;
        // A delegation that may not read the draft learns that the vote concerning it closed, never its title, hash or votes.
        var hidden = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in vote.Recused)
        {
            if (!await VoteVisibility.MayKnowAsync(db, vote, code, cancellationToken))
            {
                hidden.Add(code);
            }
        }

        logger.LogInformation("Vote {Vote} on draft {DraftId} closed{Early}: {Adopted}", vote.LogId, vote.DraftId, early is null ? string.Empty : " early", count.Result.Adopted ? "adopted" : "not adopted");
        return new VoteClosed(vote, count, [.. council.Members.Select(m => m.Code)], hidden);
    }

    /// <summary>Whether every delegation whose vote is taken has voted, and when the last vote was cast or changed.</summary>
    public static async Task<(bool Everyone, DateTime? LastChange)> VotedAsync(CoordBotDb db, Vote vote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(vote);
        var times = await db.Ballots.AsNoTracking().Where(b => b.VoteId == vote.Id).Select(b => b.CastAt).ToListAsync(cancellationToken);
        return (times.Count >= vote.Voting.Count, times.Count == 0 ? null : DateTime.SpecifyKind(times.Max(), DateTimeKind.Utc));
    }

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

    /// <summary>The heads and deputies (their private chats) of the given delegations, with the language each reads.</summary>
    public static async Task<List<(string Code, long UserId, string Language)>> VotersAsync(CoordBotDb db, IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.EndedAt == null && codes.Contains(m.DelegationCode) && (m.Role == DelegationRole.Head || m.Role == DelegationRole.Deputy))
            .Select(m => new { m.DelegationCode, m.UserId })
            .ToListAsync(cancellationToken);
        var languages = await Localization.ReaderLanguage.OfPeopleAsync(db, [.. rows.Select(r => r.UserId)], cancellationToken);
        return rows.Select(r => (r.DelegationCode, r.UserId, languages[r.UserId])).ToList();
    }
}
