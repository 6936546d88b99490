using CoordBot.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CoordBot.Scheduling;

/// <summary>Where the Quartz tables live, and getting a SQLite file ready before Quartz opens it.</summary>
internal static class SchedulingDatabase
{
    public const string MainConnectionStringName = "CoordBot";

    /// <summary>
    /// Puts the Quartz tables beside the bot's own database, in <c>&lt;name&gt;.quartz.db</c>: a test
    /// that points CoordBot at a temporary directory gets its schedule there too, and the two files
    /// never contend for SQLite's single writer lock.
    /// </summary>
    public static string? DeriveFromMain(string mainConnectionString)
    {
        SqliteConnectionStringBuilder main;
        try
        {
            main = new SqliteConnectionStringBuilder(mainConnectionString);
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (!IsFile(main))
        {
            return null;
        }

        var directory = Path.GetDirectoryName(main.DataSource) ?? string.Empty;
        var name = Path.GetFileNameWithoutExtension(main.DataSource);
        main.DataSource = Path.Combine(directory, name + ".quartz.db");
        return main.ConnectionString;
    }

    /// <summary>
    /// On PostgreSQL the Quartz tables share the bot's database: one server to run and back up, and every
    /// instance of a cluster finds them where it finds the data.
    /// </summary>
    public static string? DeriveFromMain(string mainConnectionString, DatabaseProvider provider) =>
        provider == DatabaseProvider.PostgreSql ? mainConnectionString : DeriveFromMain(mainConnectionString);

    /// <summary>Null when the connection string suits the provider (a SQLite file, or a PostgreSQL server); otherwise why it does not.</summary>
    public static string? Problem(string? connectionString, DatabaseProvider provider)
    {
        if (provider != DatabaseProvider.PostgreSql || string.IsNullOrWhiteSpace(connectionString))
        {
            return Problem(connectionString);
        }

        try
        {
            return string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(connectionString).Host)
                ? "Scheduling:ConnectionString needs a Host: with Database:Provider PostgreSQL the Quartz tables live on a PostgreSQL server (leave it empty to use ConnectionStrings:CoordBot's)."
                : null;
        }
        catch (ArgumentException ex)
        {
            return $"Scheduling:ConnectionString is not a valid PostgreSQL connection string: {ex.Message}";
        }
    }

    /// <summary>Null when the connection string names a SQLite file; otherwise why it does not.</summary>
    public static string? Problem(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return "Scheduling:ConnectionString is empty and none could be derived from ConnectionStrings:CoordBot. "
                + "Set Scheduling:ConnectionString to a SQLite file, e.g. 'Data Source=data/coordbot.quartz.db'.";
        }

        try
        {
            var builder = new SqliteConnectionStringBuilder(connectionString);
            return IsFile(builder)
                ? null
                : $"Scheduling:ConnectionString '{connectionString}' is not a SQLite file; reminders and deadlines "
                    + "must survive a restart, so an in-memory database is refused.";
        }
        catch (ArgumentException ex)
        {
            return $"Scheduling:ConnectionString is not a valid SQLite connection string: {ex.Message}";
        }
    }

    /// <summary>A SQLite store's file is made ready (<see cref="Prepare(string)"/>); a PostgreSQL store needs nothing before Quartz provisions its tables.</summary>
    public static void Prepare(SchedulingOptions options)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            Prepare(options.ConnectionString!);
        }
    }

    /// <summary>
    /// Creates the directory and turns on WAL, so readers (the bot's own queries, a dashboard) never
    /// wait behind Quartz's writes. Idempotent: WAL is a property of the file and stays set.
    /// Busy waits are Microsoft.Data.Sqlite's: it retries a locked database until the command timeout.
    /// </summary>
    /// <exception cref="ConfigurationException">The file cannot be created or written.</exception>
    public static void Prepare(string connectionString)
    {
        var path = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        try
        {
            UnwritableDatabase.RefuseFolder(path);
            if (Path.GetDirectoryName(path) is { Length: > 0 } directory)
            {
                Directory.CreateDirectory(directory);
            }

            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; BEGIN IMMEDIATE; ROLLBACK;";
            command.ExecuteNonQuery();
        }
        catch (Exception ex) when (UnwritableDatabase.Is(ex))
        {
            throw UnwritableDatabase.Error($"{SchedulingOptions.Section}:ConnectionString (or, when it is empty, ConnectionStrings:CoordBot)", path, ex);
        }
    }

    private static bool IsFile(SqliteConnectionStringBuilder builder) =>
        builder.Mode != SqliteOpenMode.Memory
        && !string.IsNullOrWhiteSpace(builder.DataSource)
        && !string.Equals(builder.DataSource, ":memory:", StringComparison.OrdinalIgnoreCase);
}
