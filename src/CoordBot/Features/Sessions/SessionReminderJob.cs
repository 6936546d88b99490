using System.Globalization;
using CoordBot.Domain.Sessions;
using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace CoordBot.Features.Sessions;

/// <summary>
/// Sends one reminder of one session. It trusts nothing but the database: a session that is gone, cancelled
/// or moved to another start is skipped (its new jobs carry the new start), a reminder already sent is not
/// sent again (a recovered firing), and a reminder overtaken by a later one or by the start is dropped
/// (<see cref="ReminderPlan"/>: never "starts in 10 minutes" after the start).
/// </summary>
[DisallowConcurrentExecution]
public sealed class SessionReminderJob(UnitOfWork unitOfWork, TimeProvider time, SessionReminders reminders, SessionNotifier notifier, ILogger<SessionReminderJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = context.MergedJobDataMap;
        if (!SessionReminders.TryReadJob(data, out var sessionId, out var startUtc)
            || !long.TryParse(data.GetString(SessionReminders.OffsetKey), NumberStyles.None, CultureInfo.InvariantCulture, out var offsetSeconds))
        {
            logger.LogWarning("Reminder job {Job} has unreadable data; skipped", context.JobDetail.Key);
            return;
        }

        var outcome = await RunAsync(sessionId, TimeSpan.FromSeconds(offsetSeconds), startUtc, cancellationToken);
        logger.LogDebug("Reminder {Offset}s of S{Session}: {Outcome}", offsetSeconds, sessionId, outcome);
    }

    /// <summary>The job's work, callable without Quartz (tests): what happened, in a word.</summary>
    public Task<string> RunAsync(long sessionId, TimeSpan offset, DateTime startUtc, CancellationToken cancellationToken) =>
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

            var seconds = (long)offset.TotalSeconds;
            if (await db.SessionRemindersSent.AnyAsync(r => r.SessionId == sessionId && r.StartUtc == startUtc && r.OffsetSeconds == seconds, ct))
            {
                return "already sent";
            }

            // Quartz may fire a few milliseconds early; the reminder counts as due from its own time on.
            var fireAt = startUtc - offset;
            var asOf = now < fireAt ? fireAt : now;
            var plan = ReminderPlan.Due(startUtc, reminders.Offsets.Append(offset).ToList(), asOf);
            if (!plan.Any(p => p.SendNow && p.Offset == offset))
            {
                return "stale";
            }

            db.SessionRemindersSent.Add(new SessionReminderSent { SessionId = sessionId, StartUtc = startUtc, OffsetSeconds = seconds, SentAt = now });
            await notifier.RemindAsync(db, new Outbox(db, now) { NotAfter = startUtc }, session, asOf, ct);
            return "sent";
        }, cancellationToken);
}
