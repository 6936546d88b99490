using Quartz;

namespace CoordBot.Scheduling;

/// <summary>
/// What features need from the scheduler: one-shot jobs at an absolute UTC time, kept across restarts.
/// Every method is idempotent, so a feature may re-assert its schedule at start without duplicating it.
/// </summary>
public interface IJobScheduler
{
    /// <summary>
    /// Makes sure <paramref name="job"/> of type <paramref name="jobType"/> fires once at
    /// <paramref name="dueAtUtc"/> with <paramref name="data"/>. An identical schedule is left alone;
    /// one with another due time, data or type is replaced. A due time in the past fires at once.
    /// </summary>
    Task ScheduleOnceAsync(
        JobKey job,
        Type jobType,
        DateTimeOffset dueAtUtc,
        IReadOnlyDictionary<string, string> data,
        CancellationToken cancellationToken);

    /// <summary>Removes the pending firing of <paramref name="job"/>; false when there was none.</summary>
    Task<bool> UnscheduleAsync(JobKey job, CancellationToken cancellationToken);

    /// <summary>Removes every pending firing whose job is in <paramref name="group"/> (exact match); returns how many.</summary>
    Task<int> UnscheduleGroupAsync(string group, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(JobKey job, CancellationToken cancellationToken);

    /// <summary>The due time <paramref name="job"/> was last scheduled for, or null when nothing is pending.</summary>
    Task<DateTimeOffset?> GetDueAtAsync(JobKey job, CancellationToken cancellationToken);
}
