using System.Globalization;
using Quartz;

namespace CoordBot.Scheduling;

/// <summary>
/// <see cref="IJobScheduler"/> over Quartz: one non-durable job with one simple trigger of the same key,
/// so the job row goes away by itself once it has fired.
/// </summary>
internal sealed class QuartzJobScheduler(ISchedulerFactory schedulerFactory, TimeProvider timeProvider) : IJobScheduler
{
    public async Task ScheduleOnceAsync(
        JobKey job,
        Type jobType,
        DateTimeOffset dueAtUtc,
        IReadOnlyDictionary<string, string> data,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(jobType);
        ArgumentNullException.ThrowIfNull(data);
        if (!typeof(IJob).IsAssignableFrom(jobType))
        {
            throw new ArgumentException($"{jobType} does not implement {typeof(IJob)}.", nameof(jobType));
        }

        if (data.ContainsKey(ScheduledJobData.DueAtUtcKey))
        {
            throw new ArgumentException($"'{ScheduledJobData.DueAtUtcKey}' is reserved.", nameof(data));
        }

        var dueAt = dueAtUtc.ToUniversalTime();
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);

        if (await IsAlreadyScheduledAsync(scheduler, job, jobType, dueAt, data, cancellationToken))
        {
            return;
        }

        var jobData = new JobDataMap();
        foreach (var (key, value) in data)
        {
            jobData[key] = value;
        }

        var detail = JobBuilder.Create()
            .OfType(jobType)
            .WithIdentity(job)
            .UsingJobData(jobData)
            .RequestRecovery(true)
            .Build();

        // A due time already past starts now: Quartz would treat it as a misfire and pick it up only at its
        // next misfire scan, up to a minute later. The job still sees the due time asked for.
        var now = timeProvider.GetUtcNow();
        var trigger = TriggerBuilder.Create(timeProvider)
            .WithIdentity(TriggerKeyOf(job))
            .ForJob(job)
            .StartAt(dueAt > now ? dueAt : now)
            .UsingJobData(ScheduledJobData.DueAtUtcKey, Format(dueAt))
            .WithSchedule(SimpleScheduleBuilder.Create()
                .WithRepeatCount(0)
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();

        // Job and trigger are replaced in one store operation, so a concurrent firing never sees half of it.
        await scheduler.ScheduleJob(detail, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    public async Task<bool> UnscheduleAsync(JobKey job, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        return await scheduler.DeleteJob(job, cancellationToken);
    }

    public async Task<int> UnscheduleGroupAsync(string group, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var deleted = await scheduler.DeleteJobs(GroupMatcher<JobKey>.GroupEquals(group), cancellationToken);
        return deleted.Count;
    }

    public async Task<bool> ExistsAsync(JobKey job, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        return await scheduler.Exists(job, cancellationToken);
    }

    public async Task<DateTimeOffset?> GetDueAtAsync(JobKey job, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var trigger = await scheduler.GetTrigger(TriggerKeyOf(job), cancellationToken);
        return trigger is null ? null : DueAtOf(trigger);
    }

    private static async Task<bool> IsAlreadyScheduledAsync(
        IScheduler scheduler,
        JobKey job,
        Type jobType,
        DateTimeOffset dueAt,
        IReadOnlyDictionary<string, string> data,
        CancellationToken cancellationToken)
    {
        var trigger = await scheduler.GetTrigger(TriggerKeyOf(job), cancellationToken);
        if (trigger is null || DueAtOf(trigger) != dueAt)
        {
            return false;
        }

        var detail = await scheduler.GetJobDetail(job, cancellationToken);
        return detail is not null
            && detail.JobType.Type == jobType
            && SameData(detail.JobDataMap, data);
    }

    private static bool SameData(JobDataMap stored, IReadOnlyDictionary<string, string> wanted) =>
        stored.Count == wanted.Count
        && wanted.All(pair => stored.TryGetValue(pair.Key, out var value)
            && string.Equals(value as string, pair.Value, StringComparison.Ordinal));

    private static DateTimeOffset? DueAtOf(ITrigger trigger) =>
        trigger.JobDataMap.TryGetValue(ScheduledJobData.DueAtUtcKey, out var value)
            && value is string text
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var dueAt)
            ? dueAt
            : null;

    private static TriggerKey TriggerKeyOf(JobKey job) => new(job.Name, job.Group);

    private static string Format(DateTimeOffset dueAt) => dueAt.ToString("O", CultureInfo.InvariantCulture);
}
