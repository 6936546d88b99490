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
}
