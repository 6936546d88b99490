using System.Globalization;
using CoordBot.Domain.Deadlines;
using CoordBot.Domain.Drafts;
using CoordBot.Features.Delegations;
using CoordBot.Features.Voting;
using CoordBot.Localization;
using CoordBot.Persistence;
using CoordBot.Scheduling;
using CoordBot.Telegram.Delivery;
using CoordBot.Telegram.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace CoordBot.Features.Drafts;

/// <summary>
/// Warnings before a silence ends (<c>Drafts:SilenceWarnings</c>, issue 24 item 2): one Quartz job per offset, all in the
/// group <c>silence-warnings-D{id}</c>, so a moved or broken silence drops them in one call. Scheduling is idempotent, which
/// lets the start-up reconciler re-assert every silence's warnings.
/// </summary>
public sealed class SilenceWarnings(IJobScheduler scheduler, IOptions<DraftsOptions> options)
{
    /// <summary>The audit action that records each warning sent, and keeps a recovered firing from sending it twice.</summary>
    public const string AuditAction = "draft.silence.warned";

    public static DeadlineWarningJobs Jobs { get; } = new("silence-warnings-D", "warning-", "draftId", "deadlineUtc", AuditAction);

    public IReadOnlyList<TimeSpan> Offsets => options.Value.SilenceWarningOffsets;

    /// <summary>
    /// The warnings of a silence ending at <paramref name="deadlineUtc"/>, set or moved (or re-asserted) at <paramref name="sinceUtc"/>:
    /// those whose time is still to come.
    /// </summary>
    /// <remarks>
    /// A warning of an earlier deadline still pending is left: it finds the deadline moved and sends nothing. One overdue
    /// while the bot was down is left too: the store fires it, whereas the plan counts only those still to come.
    /// </remarks>
    public Task<int> ScheduleAsync(long draftId, DateTime deadlineUtc, DateTime sinceUtc, CancellationToken cancellationToken) =>
        Jobs.ScheduleAsync<SilenceWarningJob>(scheduler, draftId, deadlineUtc, Offsets, sinceUtc, cancellationToken);

    /// <summary>The silence is over (broken, withdrawn): its warnings go. A job that fires anyway finds it over and sends nothing.</summary>
    public Task<int> RemoveAsync(long draftId, CancellationToken cancellationToken) => scheduler.UnscheduleGroupAsync(Jobs.GroupOf(draftId), cancellationToken);
}

/// <summary>
/// Sends one warning before a silence ends to everyone on the circulation list, each chat in its own language and zone (a
/// private chat in its reader's, a group in its delegation's), with the draft's buttons (Break silence among them). It trusts
/// nothing but the database: a silence broken, concluded or moved since is left alone (<see cref="DeadlineWarnings.Decide"/>).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class SilenceWarningJob(UnitOfWork unitOfWork, DraftDesk desk, DraftButtons buttons, DelegationMessenger messenger, TimeProvider time, ILogger<SilenceWarningJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (SilenceWarnings.Jobs.Read(context.MergedJobDataMap) is not { } firing)
        {
            logger.LogWarning("Silence warning job {Job} has unreadable data; skipped", context.JobDetail.Key);
            return;
        }

        await ScheduledJobData.WaitUntilDueAsync(context, time, cancellationToken);
        var verdict = await RunAsync(firing.SubjectId, firing.DeadlineUtc, firing.Offset, cancellationToken);
        logger.LogInformation("Silence warning {Offset}s before the deadline of D{Draft}: {Verdict}", (long)firing.Offset.TotalSeconds, firing.SubjectId, verdict);
    }

    private Task<WarningVerdict> RunAsync(long draftId, DateTime deadline, TimeSpan offset, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            var draft = await db.Drafts.FindAsync([draftId], ct);
            if (draft is null)
            {
                return WarningVerdict.Over; // the silence was scheduled in a transaction that did not commit
            }

            var details = DeadlineWarningJobs.AuditDetails(draft.Label, deadline, offset);
            var sent = await SilenceWarnings.Jobs.SentAsync(db, details, ct);
            var readers = await desk.ReadersAsync(db, draft, ct);
            var verdict = DeadlineWarnings.Decide(draft.Status == DraftStatus.UnderSilence, draft.SilenceDeadlineUtc, deadline, now, readers.Count, sent);
            if (verdict != WarningVerdict.Send)
            {
                return verdict;
            }

            SilenceWarnings.Jobs.RecordSent(db, now, details);
            // Not sent late: once the deadline has passed, the conclusion says what the warning would have.
            var outbox = new Outbox(db, now) { NotAfter = deadline };
            var version = await desk.VersionAsync(db, draft, draft.CurrentVersion, ct);
            var zones = await VotingService.DelegationZonesAsync(db, readers, ct);
            var president = await desk.ChairStepPresidentAsync(db, draft, now, ct);
            await messenger.DeliverAsync(db, outbox, new DelegationNotice(readers, reader =>
                Catalogue.Format(reader.Language, "Deadlines.SilenceWarning", draft.Label, version.Number, Html.Escape(draft.Title), Dates.InZoneAndUtc(reader.Language, deadline, reader.OwnZone ?? zones[reader.DelegationCode]), version.ShortHash))
            {
                Buttons = reader => buttons.ForDelegation(draft, reader.DelegationCode, president, reader.Language),
                WithOwnZones = true,
            }, ct);

            return verdict;
        }, cancellationToken);
}

/// <summary>At start, re-asserts the warnings still to come of every draft under silence (idempotent; those already sent stay sent).</summary>
internal sealed class SilenceWarningReconciler(UnitOfWork unitOfWork, SilenceWarnings warnings, TimeProvider time, ILogger<SilenceWarningReconciler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await unitOfWork.ReadAsync(cancellationToken);
        var pending = await db.Drafts.AsNoTracking()
            .Where(d => d.Status == DraftStatus.UnderSilence && d.SilenceDeadlineUtc != null)
            .Select(d => new { d.Id, Deadline = d.SilenceDeadlineUtc!.Value })
            .ToListAsync(cancellationToken);
        var count = 0;
        foreach (var draft in pending)
        {
            count += await warnings.ScheduleAsync(draft.Id, draft.Deadline, now, cancellationToken);
        }

        if (count > 0)
        {
            logger.LogInformation("Silence warnings re-asserted: {Count} still to come", count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
