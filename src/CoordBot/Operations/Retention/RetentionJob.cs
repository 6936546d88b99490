using CoordBot.Scheduling;
using Microsoft.Extensions.Options;
using Quartz;

namespace CoordBot.Operations.Retention;

/// <summary>
/// Runs the retention sweep, then schedules its own next run <see cref="RetentionOptions.Interval"/> later.
/// A chain of one-shot firings in the persistent store: a bot that was down runs the missed sweep once at
/// start, and a restart never adds a second chain.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(RetentionSweep sweep, IJobScheduler scheduler, TimeProvider time, IOptions<RetentionOptions> options) : IJob
{
    public static readonly JobKey Key = new("retention", "operations");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await sweep.RunAsync(cancellationToken);
        }
        finally
        {
            // Even after a failed sweep: the next one may well succeed, and a broken chain would stop retention for good.
            await ScheduleNextAsync(scheduler, time, options.Value, cancellationToken);
        }
    }

    internal static Task ScheduleNextAsync(IJobScheduler scheduler, TimeProvider time, RetentionOptions options, CancellationToken cancellationToken) =>
        scheduler.ScheduleOnceAsync(Key, typeof(RetentionJob), time.GetUtcNow() + options.Interval, new Dictionary<string, string>(), cancellationToken);
}

/// <summary>Starts the retention chain when the store has none (a new database, or a restore of one made before retention existed).</summary>
internal sealed class RetentionStarter(IJobScheduler scheduler, TimeProvider time, IOptions<RetentionOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await scheduler.ExistsAsync(RetentionJob.Key, cancellationToken))
        {
            await RetentionJob.ScheduleNextAsync(scheduler, time, options.Value, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
