using CoordBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Sessions;

/// <summary>
/// At start, after Quartz: every future session gets the reminder jobs it should have (a crash between the
/// database commit and the scheduling, a restore of the database, changed offsets), and a cancelled session
/// loses any it still has. Idempotent, so a restart never duplicates a reminder.
/// </summary>
internal sealed class SessionReminderReconciler(UnitOfWork unitOfWork, SessionReminders reminders, TimeProvider time, ILogger<SessionReminderReconciler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await unitOfWork.ReadAsync(cancellationToken);
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.StartUtc > now)
            .Select(s => new { s.Id, s.StartUtc, s.CancelledAt, s.CreatedAt })
            .ToListAsync(cancellationToken);
        var ids = sessions.Select(s => s.Id).ToList();
        var sent = (await db.SessionRemindersSent.AsNoTracking()
                .Where(r => ids.Contains(r.SessionId))
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.SessionId);
        var asserted = 0;
        foreach (var session in sessions)
        {
            if (session.CancelledAt is not null)
            {
                await reminders.RemoveAsync(session.Id, cancellationToken);
                continue;
            }

            var done = sent[session.Id].Where(r => r.StartUtc == session.StartUtc).Select(r => r.OffsetSeconds).ToList();
            // A move is not dated on the row; the creation is the earliest the session was announced.
            asserted += await reminders.EnsureAsync(session.Id, session.StartUtc, done, now, session.CreatedAt, cancellationToken);
        }

        logger.LogInformation("Session reminders reconciled: {Sessions} upcoming sessions, {Reminders} reminder jobs asserted", sessions.Count, asserted);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
