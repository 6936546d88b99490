using System.Globalization;
using CoordBot.Scheduling;
using Quartz;

namespace CoordBot.Operations.Metrics;

/// <summary>
/// Measures how late each job starts against the due time the feature asked for (not Quartz's own fire
/// time, which moves when a past due time or a misfire is handled). Attached when the bot starts.
/// </summary>
internal sealed class JobLatenessListener(CoordBotMetrics metrics, TimeProvider time) : IJobListener
{
    public string Name => "coordbot-job-lateness";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var due = context.MergedJobDataMap.GetString(ScheduledJobData.DueAtUtcKey) is { } text
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var asked)
                ? asked
                : context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        metrics.JobStarted(context.JobDetail.JobType.Type.Name, time.GetUtcNow() - due);
        return ValueTask.CompletedTask;
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}

/// <summary>Creates the instruments at start (gauges exist only once their meter does) and attaches the job listener.</summary>
internal sealed class MetricsStarter(CoordBotMetrics metrics, ISchedulerFactory schedulerFactory, JobLatenessListener listener) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _ = metrics;
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        scheduler.ListenerManager.AddJobListener(listener);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
