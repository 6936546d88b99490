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
    /// <summary>The audit action that records each reminder round, and keeps a recovered firing from sending it twice.</summary>
    public const string AuditAction = "vote.reminded.before.close";

    public static DeadlineWarningJobs Jobs { get; } = new("vote-reminders-", "reminder-", "voteId", "closesAtUtc", AuditAction);

    public IReadOnlyList<TimeSpan> Offsets => options.Value.ClosingReminderOffsets;

    /// <summary>
    /// The reminders of <paramref name="vote"/> still to come after <paramref name="sinceUtc"/>: an offset longer than the
    /// window is skipped, as the ballot itself has just said when the vote closes.
    /// </summary>
    public Task<int> ScheduleAsync(Vote vote, DateTime sinceUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return Jobs.ScheduleAsync<ClosingReminderJob>(scheduler, vote.Id, vote.ClosesAt, Offsets, sinceUtc, cancellationToken);
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
        if (ClosingReminders.Jobs.Read(context.MergedJobDataMap) is not { } firing)
        {
            logger.LogWarning("Closing reminder job {Job} has unreadable data; skipped", context.JobDetail.Key);
            return;
        }

        await ScheduledJobData.WaitUntilDueAsync(context, time, cancellationToken);
        var verdict = await RunAsync(firing.SubjectId, firing.DeadlineUtc, firing.Offset, cancellationToken);
        logger.LogInformation("Closing reminder {Offset}s before V{Vote} closes: {Verdict}", (long)firing.Offset.TotalSeconds, firing.SubjectId, verdict);
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

            var details = DeadlineWarningJobs.AuditDetails(vote.LogId, closesAt, offset);
            var sent = await ClosingReminders.Jobs.SentAsync(db, details, ct);
            var voted = await db.Ballots.AsNoTracking().Where(b => b.VoteId == vote.Id).Select(b => b.DelegationCode).ToListAsync(ct);
            var missing = vote.Voting.Except(voted, StringComparer.Ordinal).ToList();
            var verdict = DeadlineWarnings.Decide(vote.IsOpen, vote.ClosesAt, closesAt, now, missing.Count, sent);
            if (verdict != WarningVerdict.Send)
            {
                return verdict;
            }

            ClosingReminders.Jobs.RecordSent(db, now, details);
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
