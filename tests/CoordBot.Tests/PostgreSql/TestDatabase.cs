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

        foreach (var (key, value) in await SettingsAsync())
        {
            settings[key] = value;
        }
    }
}
