using Microsoft.Extensions.Options;

namespace CoordBot.Cluster;

/// <summary>
/// Section <c>Cluster</c>: how several instances on one PostgreSQL database share the work. Nothing needs setting; on
/// SQLite (one process) the section is read but changes nothing.
/// </summary>
public sealed class ClusterOptions
{
    public const string Section = "Cluster";

    /// <summary>
    /// How often an instance that is not the poller or the sender asks for the role again, and how often the one that
    /// holds it checks that its lock connection is alive: a dead leader is replaced within about this long.
    /// </summary>
    public TimeSpan LeaderRetry { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How often each instance looks for stored updates nobody is handling (an instance died between storing and
    /// handling): the notifications between instances are the fast path, this is the floor.
    /// </summary>
    public TimeSpan InboxSweep { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often each instance checks in to Quartz's cluster, and how late a check-in may be before the others take
    /// over that instance's timers: a dead instance's reminder or vote close fires elsewhere after about twice this.
    /// Quartz's own default; shorter means faster recovery and more queries on the database.
    /// </summary>
    public TimeSpan TimerCheckin { get; set; } = TimeSpan.FromMilliseconds(7500);
}

internal sealed class ClusterOptionsValidator : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        var failures = new OptionFailures(ClusterOptions.Section);
        // Above 5 s a dead poller would not be replaced within the 10 s Telegram-facing promise of docs/scale-out.md.
        failures.Range(nameof(options.LeaderRetry), options.LeaderRetry, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));
        failures.Range(nameof(options.InboxSweep), options.InboxSweep, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5));
        // Below a second the check-ins themselves become the database's main load; above a minute a dead instance's
        // vote close waits that long.
        failures.Range(nameof(options.TimerCheckin), options.TimerCheckin, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        return failures.Result;
    }
}
