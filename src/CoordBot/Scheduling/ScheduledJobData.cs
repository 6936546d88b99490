using System.Globalization;
using Quartz;

namespace CoordBot.Scheduling;

/// <summary>Keys <see cref="QuartzJobScheduler"/> adds to a firing's merged job data.</summary>
public static class ScheduledJobData
{
    /// <summary>
    /// The due time the feature asked for, round-trip ("O") formatted UTC. Quartz's own scheduled fire time
    /// moves when a past due time is scheduled or a misfire is handled; this one does not, so a job can
    /// tell how late it runs and decide whether it still means anything.
    /// </summary>
    public const string DueAtUtcKey = "coordbot.dueAtUtc";

    /// <summary>Longest early firing a job waits out; anything earlier is not this firing's business.</summary>
    public static readonly TimeSpan EarlyTolerance = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A one-shot trigger is used up when it fires, so a deadline job that fired a moment early (clock
    /// granularity, a batch fire-ahead window) must not just return: it waits until the due time, then acts.
    /// </summary>
    public static async Task WaitUntilDueAsync(IJobExecutionContext context, TimeProvider time, CancellationToken cancellationToken)
    {
        if (context.MergedJobDataMap.GetString(DueAtUtcKey) is not { } text
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var due))
        {
            return;
        }

        var early = due - time.GetUtcNow();
        if (early > TimeSpan.Zero && early <= EarlyTolerance)
        {
            await Task.Delay(early, time, cancellationToken);
        }
    }
}
