using Microsoft.Data.Sqlite;

namespace CoordBot.Sandbox;

/// <summary>The sandbox's own files, beside the bot's database so they move, back up and reset together.</summary>
internal static class SandboxFiles
{
    /// <summary>
    /// <c>data/coordbot.db</c> gives <c>data/coordbot.&lt;suffix&gt;</c>; null when the database is not a file
    /// (in memory), since state beside it would outlive it.
    /// </summary>
    public static string? Beside(IConfiguration configuration, string suffix)
    {
        var connectionString = configuration.GetConnectionString("CoordBot") ?? "Data Source=data/coordbot.db";
        SqliteConnectionStringBuilder database;
        try
        {
            database = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(database.DataSource) || database.DataSource == ":memory:" || database.Mode == SqliteOpenMode.Memory)
        {
            return null;
        }

        var directory = Path.GetDirectoryName(database.DataSource) ?? string.Empty;
        return Path.Combine(directory, Path.GetFileNameWithoutExtension(database.DataSource) + "." + suffix);
    }
}
