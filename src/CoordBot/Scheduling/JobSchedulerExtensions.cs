using Quartz;

namespace CoordBot.Scheduling;

public static class JobSchedulerExtensions
{
    public static Task ScheduleOnceAsync<TJob>(
        this IJobScheduler scheduler,
        JobKey job,
        DateTimeOffset dueAtUtc,
        IReadOnlyDictionary<string, string> data,
        CancellationToken cancellationToken)
        where TJob : IJob =>
        scheduler.ScheduleOnceAsync(job, typeof(TJob), dueAtUtc, data, cancellationToken);
}
