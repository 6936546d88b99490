using CoordBot.Persistence;
using CoordBot.Scheduling;

namespace CoordBot.Operations;

/// <summary>
/// The files that hold a bot's state, resolved from configuration exactly as the running bot resolves
/// them: the database, the Quartz job store beside it, and the lock file that says a bot is using them.
/// </summary>
public sealed record DataFiles(string Database, string JobStore)
{
    /// <summary>Held (exclusively) by a running bot; restore refuses to touch the data while it is.</summary>
    public string LockFile => Database + ".lock";

    public static DataFiles From(IConfiguration configuration)
    {
        if (DatabaseOptions.From(configuration).Provider == DatabaseProvider.PostgreSql)
        {
            throw new ConfigurationException($"{DatabaseOptions.ProviderKey} is PostgreSQL: back it up with pg_dump and restore with pg_restore (these verbs copy SQLite files only)");
        }

        var main = DatabaseOptions.ConnectionStringFrom(configuration);
        var jobStore = configuration[$"{SchedulingOptions.Section}:{nameof(SchedulingOptions.ConnectionString)}"] is { Length: > 0 } configured
            ? configured
            : SchedulingDatabase.DeriveFromMain(main);
        return new DataFiles(FileOf(main, "ConnectionStrings:CoordBot"), FileOf(jobStore, "Scheduling:ConnectionString"));
    }

    private static string FileOf(string? connectionString, string key) =>
        DatabaseOptions.FileOf(connectionString) ?? throw new ConfigurationException($"{key} must name a SQLite file for backups and restores");
}
