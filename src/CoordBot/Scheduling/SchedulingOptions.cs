namespace CoordBot.Scheduling;

/// <summary>Settings of the Quartz scheduler that keeps reminders and deadlines across restarts.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>
    /// Connection string of the Quartz tables. Left empty, it is derived from <c>ConnectionStrings:CoordBot</c>:
    /// on SQLite the same directory, file <c>&lt;name&gt;.quartz.db</c>; on PostgreSQL the same database.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The engine of the bot's database (<c>Database:Provider</c>), which the Quartz store follows; not bound from this section.</summary>
    internal CoordBot.Persistence.DatabaseProvider Provider { get; set; }

    /// <summary>True when <see cref="ConnectionString"/> was not configured but taken from <c>ConnectionStrings:CoordBot</c>.</summary>
    internal bool DerivedFromMain { get; set; }

    /// <summary>
    /// Every Quartz row is keyed by this name: renaming it orphans what is already scheduled.
    /// </summary>
    public string InstanceName { get; set; } = "CoordBot";

    /// <summary>How late a trigger may fire before it counts as misfired.</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);
}
