namespace CoordBot.Tests.PostgreSql;

/// <summary>Points a test host's settings at a fresh PostgreSQL database.</summary>
public static class TestDatabase
{
    /// <summary>Settings of a host on a new database of the test server.</summary>
    public static async Task<Dictionary<string, string?>> SettingsAsync() => new()
    {
        ["Database:Provider"] = "PostgreSQL",
        ["ConnectionStrings:CoordBot"] = await PostgresServer.CreateDatabaseAsync(),
    };

    /// <summary>
    /// Closes the idle pooled connections of a finished host's PostgreSQL database: each test has a database of its own,
    /// and pools left open would hold their connections on the server (until their idle lifetime ends) while hundreds
    /// of later tests open theirs, past the server's connection limit.
    /// </summary>
    public static void Release(IDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.TryGetValue("Database:Provider", out var provider) && string.Equals(provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase)
            && settings.TryGetValue("ConnectionStrings:CoordBot", out var connectionString) && connectionString is not null)
        {
            using var connection = new Npgsql.NpgsqlConnection(connectionString);
            Npgsql.NpgsqlConnection.ClearPool(connection);
        }
    }

    /// <summary>
    /// When the run asks for PostgreSQL (<see cref="PostgresServer.ForEndToEnd"/>), moves a harness onto a fresh database
    /// unless its test chose a database of its own. A run that asks for PostgreSQL where no server can start fails
    /// instead of quietly testing SQLite.
    /// </summary>
    public static async Task UseWhenAskedAsync(IDictionary<string, string?> settings, IDictionary<string, string?>? chosenByTest)
    {
        if (!PostgresServer.ForEndToEnd || chosenByTest?.ContainsKey("ConnectionStrings:CoordBot") == true || chosenByTest?.ContainsKey("Database:Provider") == true)
        {
            return;
        }

        // A copy of the migrated template: the host's migrator finds nothing left to apply (see DatabaseTemplate).
        settings["Database:Provider"] = "PostgreSQL";
        settings["ConnectionStrings:CoordBot"] = await PostgresServer.CreateMigratedDatabaseAsync();
    }
}
