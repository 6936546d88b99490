using CoordBot.Localization;
using CoordBot.Persistence;
using CoordBot.Scheduling;
using CoordBot.Telegram.Delivery;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace CoordBot.Features.Sessions;

/// <summary>
/// At a session's start, "starting now" with its meeting link to every delegation that did not decline. Scheduled beside
/// the reminders (<see cref="SessionReminders"/>, same Quartz group, so a cancel or a move removes it); it trusts only
/// the database: nothing for a session gone, cancelled, moved, over, without a link, or already told.
/// </summary>
[DisallowConcurrentExecution]
public sealed class StartingNoticeJob(UnitOfWork unitOfWork, TimeProvider time, SessionNotifier notifier, ILogger<StartingNoticeJob> logger) : IJob
{
    /// <summary>How a sent "starting now" is recorded among the reminders sent (a reminder offset is never negative).</summary>
    public const long SentMarker = -1;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        if (!SessionReminders.TryReadJob(data, out var sessionId, out var startUtc))
        {
            logger.LogWarning("Starting notice job {Job} has unreadable data; skipped", context.JobDetail.Key);
            return;
        }

        await ScheduledJobData.WaitUntilDueAsync(context, time, cancellationToken);
        var outcome = await RunAsync(sessionId, startUtc, cancellationToken);
        logger.LogDebug("Starting notice of S{Session}: {Outcome}", sessionId, outcome);
    }

    /// <summary>The job's work: what happened, in a word.</summary>
    public Task<string> RunAsync(long sessionId, DateTime startUtc, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
            using var body = BodyScope.Enter(session?.BodyId);
            if (session is null || session.CancelledAt is not null)
            {
                return "gone";
            }

            if (session.StartUtc != startUtc)
            {
                return "moved";
            }

            // Never before the start (the reconciler asserts the job again at each start-up), nor once it is over.
            if (now < startUtc)
            {
                return "early";
            }

            if (session.EndUtc <= now)
            {
                return "over";
            }

            if (session.MeetingUrl is null)
            {
                return "no link";
            }

            if (await db.SessionRemindersSent.AnyAsync(r => r.SessionId == sessionId && r.StartUtc == startUtc && r.OffsetSeconds == SentMarker, ct))
            {
                return "already sent";
            }

            db.SessionRemindersSent.Add(new SessionReminderSent { SessionId = sessionId, StartUtc = startUtc, OffsetSeconds = SentMarker, SentAt = now });
            await notifier.SendAsync(db, new Outbox(db, now) { NotAfter = session.EndUtc }, session, await notifier.ExpectedCodesAsync(db, sessionId, ct), (zone, language) =>
                    Catalogue.Format(language, "MeetingLink.StartingNow", SessionRendering.Headline(session, language), Telegram.Rendering.Html.Escape(session.MeetingUrl)),
                null, ct);
            return "sent";
        }, cancellationToken);
}
