using System.Globalization;
using CoordBot.Domain.Sessions;
using CoordBot.Scheduling;
using Microsoft.Extensions.Options;
using Quartz;

namespace CoordBot.Features.Sessions;

/// <summary>
/// The Quartz jobs of a session's reminders: one job per offset, all in the group <c>session-{id}</c>, so
/// cancelling or moving a session removes them in one call. Scheduling is idempotent (same key, due time and
/// data: nothing changes), which lets the start-up reconciler re-assert every session's schedule.
/// </summary>
public sealed class SessionReminders(IJobScheduler scheduler, IOptions<SessionsOptions> options)
{
    public const string SessionIdKey = "sessionId";
    public const string OffsetKey = "offsetSeconds";
    public const string StartKey = "startUtc";

    public IReadOnlyList<TimeSpan> Offsets => options.Value.Offsets;

    /// <summary>The session and the start a reminder or starting job was scheduled for; false when its data do not read.</summary>
    public static bool TryReadJob(JobDataMap data, out long sessionId, out DateTime startUtc)
    {
        ArgumentNullException.ThrowIfNull(data);
        startUtc = default;
        return long.TryParse(data.GetString(SessionIdKey), NumberStyles.None, CultureInfo.InvariantCulture, out sessionId)
            && DateTime.TryParse(data.GetString(StartKey), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out startUtc);
    }

    public static string GroupOf(long sessionId) => $"session-{sessionId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The job of the "starting now" notice (<see cref="StartingNoticeJob"/>), in the session's group.</summary>
    public static JobKey StartingKeyOf(long sessionId) => new("starting", GroupOf(sessionId));

    public static JobKey KeyOf(long sessionId, TimeSpan offset) =>
        new($"reminder-{((long)offset.TotalSeconds).ToString(CultureInfo.InvariantCulture)}s", GroupOf(sessionId));

    /// <summary>
    /// Makes sure every reminder still meaningful at <paramref name="nowUtc"/> (see <see cref="ReminderPlan"/>) has
    /// its job, except those already sent for this start and those the announcement at <paramref name="announcedUtc"/>
    /// overtook. Returns how many were asserted.
    /// </summary>
    public async Task<int> EnsureAsync(long sessionId, DateTime startUtc, IReadOnlyCollection<long> sentOffsetSeconds, DateTime nowUtc, DateTime? announcedUtc, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var reminder in ReminderPlan.Due(startUtc, Offsets, nowUtc, announcedUtc))
        {
            var seconds = (long)reminder.Offset.TotalSeconds;
            if (sentOffsetSeconds.Contains(seconds))
            {
                continue;
            }

            var data = new Dictionary<string, string>
            {
                [SessionIdKey] = sessionId.ToString(CultureInfo.InvariantCulture),
                [OffsetKey] = seconds.ToString(CultureInfo.InvariantCulture),
                [StartKey] = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
            };
            var key = KeyOf(sessionId, reminder.Offset);
            if (reminder.SendNow)
            {
                // Overdue: a job already pending for it fires by Quartz's misfire policy (fire now); otherwise it is
                // scheduled for now rather than its past time, so Quartz takes it at once instead of treating it as
                // a misfire (which its misfire handler would pick up only on its next round).
                if (!await scheduler.ExistsAsync(key, cancellationToken))
                {
                    await scheduler.ScheduleOnceAsync<SessionReminderJob>(key, new DateTimeOffset(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc)), data, cancellationToken);
                }
            }
            else
            {
                await scheduler.ScheduleOnceAsync<SessionReminderJob>(key, new DateTimeOffset(DateTime.SpecifyKind(reminder.FireAtUtc, DateTimeKind.Utc)), data, cancellationToken);
            }

            count++;
        }

        // The "starting now" notice goes at the start itself; whether there is a link to give is read when it fires.
        if (startUtc > nowUtc && !sentOffsetSeconds.Contains(StartingNoticeJob.SentMarker))
        {
            await scheduler.ScheduleOnceAsync<StartingNoticeJob>(
                StartingKeyOf(sessionId),
                new DateTimeOffset(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc)),
                new Dictionary<string, string>
                {
                    [SessionIdKey] = sessionId.ToString(CultureInfo.InvariantCulture),
                    [StartKey] = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
                },
                cancellationToken);
        }

        return count;
    }

    /// <summary>As above, with the announcement's time unknown (every missed reminder counts).</summary>
    public Task<int> EnsureAsync(long sessionId, DateTime startUtc, IReadOnlyCollection<long> sentOffsetSeconds, DateTime nowUtc, CancellationToken cancellationToken) =>
        EnsureAsync(sessionId, startUtc, sentOffsetSeconds, nowUtc, null, cancellationToken);

    public Task<int> RemoveAsync(long sessionId, CancellationToken cancellationToken) =>
        scheduler.UnscheduleGroupAsync(GroupOf(sessionId), cancellationToken);
}
