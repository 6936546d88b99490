using System.Globalization;
using CoordBot.Domain.Deadlines;
using CoordBot.Localization;
using CoordBot.Persistence;
using CoordBot.Scheduling;
using CoordBot.Telegram.Delivery;
using CoordBot.Telegram.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace CoordBot.Features.Voting;

/// <summary>
/// Reminders before a vote closes (<c>Voting:ClosingReminders</c>, issue 24 item 2): one Quartz job per offset in the group
/// <c>vote-reminders-{id}</c>, scheduled when the vote opens and re-asserted at start (idempotent).
/// </summary>
public sealed class ClosingReminders(IJobScheduler scheduler, IOptions<VotingOptions> options)
{
    public const string VoteIdKey = "voteId";
    public const string DeadlineKey = "closesAtUtc";
    public const string OffsetKey = "offsetSeconds";

    /// <summary>The audit action that records each reminder round, and keeps a recovered firing from sending it twice.</summary>
    public const string AuditAction = "vote.reminded.before.close";

    public IReadOnlyList<TimeSpan> Offsets => options.Value.ClosingReminderOffsets;

    public static string GroupOf(long voteId) => $"vote-reminders-{voteId.ToString(CultureInfo.InvariantCulture)}";

    public static JobKey KeyOf(long voteId, TimeSpan offset) =>
        new($"reminder-{((long)offset.TotalSeconds).ToString(CultureInfo.InvariantCulture)}s", GroupOf(voteId));

    public static string AuditDetails(string logId, DateTime closesAtUtc, TimeSpan offset) =>
        $"{logId} {offset.ToString("c", CultureInfo.InvariantCulture)} before {DateTime.SpecifyKind(closesAtUtc, DateTimeKind.Utc):O}";

    /// <summary>
    /// The reminders of <paramref name="vote"/> still to come after <paramref name="sinceUtc"/> (<see cref="DeadlineWarnings.Plan"/>):
    /// an offset longer than the window is skipped, as the ballot itself has just said when the vote closes.
    /// </summary>
    public async Task<int> ScheduleAsync(Vote vote, DateTime sinceUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vote);
        var plan = DeadlineWarnings.Plan(vote.ClosesAt, Offsets, sinceUtc);
        foreach (var reminder in plan)
        {
            await scheduler.ScheduleOnceAsync<ClosingReminderJob>(
                KeyOf(vote.Id, reminder.Offset),
                new DateTimeOffset(DateTime.SpecifyKind(reminder.FireAtUtc, DateTimeKind.Utc)),
                new Dictionary<string, string>
                {
                    [VoteIdKey] = vote.Id.ToString(CultureInfo.InvariantCulture),
                    [DeadlineKey] = DateTime.SpecifyKind(vote.ClosesAt, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
                    [OffsetKey] = ((long)reminder.Offset.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                },
                cancellationToken);
        }

        return plan.Count;
    }
}

/// <summary>
/// Reminds the delegations that have not voted, each head and deputy privately with the ballot buttons and each group (with
/// the buttons too, as the chair's /remind does), in each reader's language and the delegation's zone. A vote closed, moved
/// or fully voted since is left alone (<see cref="DeadlineWarnings.Decide"/>).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ClosingReminderJob(UnitOfWork unitOfWork, VoterNotices notices, CoordBot.Council.CouncilProvider council, TimeProvider time, ILogger<ClosingReminderJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = context.MergedJobDataMap;
        if (!long.TryParse(data.GetString(ClosingReminders.VoteIdKey), NumberStyles.None, CultureInfo.InvariantCulture, out var voteId)
            || !DateTime.TryParse(data.GetString(ClosingReminders.DeadlineKey), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var closesAt)
            || !long.TryParse(data.GetString(ClosingReminders.OffsetKey), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            logger.LogWarning("Closing reminder job {Job} has unreadable data; skipped", context.JobDetail.Key);
            return;
        }

        await ScheduledJobData.WaitUntilDueAsync(context, time, cancellationToken);
        var verdict = await RunAsync(voteId, closesAt, TimeSpan.FromSeconds(seconds), cancellationToken);
        logger.LogInformation("Closing reminder {Offset}s before V{Vote} closes: {Verdict}", seconds, voteId, verdict);
    }

    private Task<WarningVerdict> RunAsync(long voteId, DateTime closesAt, TimeSpan offset, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            var vote = await db.Votes.FindAsync([voteId], ct);
            if (vote is null)
            {
                return WarningVerdict.Over;
            }

            var details = ClosingReminders.AuditDetails(vote.LogId, closesAt, offset);
            var sent = await db.AuditEntries.AnyAsync(a => a.Action == ClosingReminders.AuditAction && a.Details == details, ct);
            var voted = await db.Ballots.AsNoTracking().Where(b => b.VoteId == vote.Id).Select(b => b.DelegationCode).ToListAsync(ct);
            var missing = vote.Voting.Except(voted, StringComparer.Ordinal).ToList();
            var verdict = DeadlineWarnings.Decide(vote.IsOpen, vote.ClosesAt, closesAt, now, missing.Count, sent);
            if (verdict != WarningVerdict.Send)
            {
                return verdict;
            }

            db.AuditEntries.Add(new AuditEntry { At = now, ActorUserId = 0, Action = ClosingReminders.AuditAction, Details = details });
            await notices.SendAsync(
                db, new Outbox(db, now) { NotAfter = closesAt }, vote, missing,
                (code, language, zone) => Text(language, "Deadlines.VoteReminder", vote, zone, code),
                (code, language, zone) => Text(language, "Deadlines.VoteGroupReminder", vote, zone, code),
                groupButtons: true,
                ct);
            return verdict;
        }, cancellationToken);

    private string Text(string language, string key, Vote vote, string zone, string code) =>
        Catalogue.Format(language, key, Html.Escape(council.Council.NameOf(code, language)), $"D{vote.DraftId}", vote.Version, Html.Escape(vote.Title), Dates.InZoneAndUtc(language, vote.ClosesAt, zone));
}

/// <summary>At start, re-asserts the reminders still to come of every open vote (idempotent; those already sent stay sent).</summary>
internal sealed class ClosingReminderReconciler(UnitOfWork unitOfWork, ClosingReminders reminders, TimeProvider time, ILogger<ClosingReminderReconciler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await unitOfWork.ReadAsync(cancellationToken);
        var open = await db.Votes.AsNoTracking().Where(v => v.ClosedAt == null).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var vote in open)
        {
            count += await reminders.ScheduleAsync(vote, now, cancellationToken);
        }

        if (count > 0)
        {
            logger.LogInformation("Closing reminders re-asserted: {Count} still to come", count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
