using Microsoft.Data.Sqlite;
using Npgsql;

namespace CoordBot.Persistence.Copy;

/// <summary>
/// <c>coordbot copy-to-postgresql &lt;sqlite-file&gt; --Database:Provider=PostgreSQL --ConnectionStrings:CoordBot=Host=...</c>:
/// the one-shot move to PostgreSQL. The target is the database the bot is configured for (the same configuration
/// as the running bot), so the operator names it once. Exit codes as the backup verbs': 0 done, 1 refused, 2 usage or configuration.
/// </summary>
public static class CopyVerb
{
    public const string Name = "copy-to-postgresql";

    /// <summary>Null when <paramref name="args"/> do not name this verb.</summary>
    public static async Task<int?> TryRunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (args.Length == 0 || args[0] != Name)
        {
            return null;
        }

        if (args.Length < 2 || args[1].StartsWith('-'))
        {
            await error.WriteLineAsync($"coordbot: usage: coordbot {Name} <sqlite-file> --Database:Provider=PostgreSQL --ConnectionStrings:CoordBot=\"Host=...;Database=...;Username=...;Password=...\"");
            return 2;
        }

        var configuration = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args[2..] }).Configuration;
        var options = DatabaseOptions.From(configuration);
        if (options.Provider != DatabaseProvider.PostgreSql || options.ConnectionString == DatabaseOptions.DefaultConnectionString)
        {
            await error.WriteLineAsync($"coordbot {Name}: configuration error: the target is the bot's configured database: set {DatabaseOptions.ProviderKey}=PostgreSQL and {DatabaseOptions.Key} to the PostgreSQL server");
            return 2;
        }

        var source = Path.GetFullPath(args[1]);
        var target = DatabaseOptions.DescribeServer(options.ConnectionString);
        try
        {
            var report = await SqliteToPostgreSql.CopyAsync(source, options.ConnectionString, cancellationToken);
            await output.WriteLineAsync($"coordbot {Name}: {source} copied to {target}; rows per table equal on both sides:");
            foreach (var (table, rows) in report.Tables)
            {
                await output.WriteLineAsync($"  {table}: {rows}");
            }

            await output.WriteLineAsync($"coordbot {Name}: {report.Votes} votes, {report.BallotLogEntries} ballot log entries: every hash chain verifies on the copy");
            await output.WriteLineAsync($"coordbot {Name}: start the bot with {DatabaseOptions.ProviderKey}=PostgreSQL; it re-plans reminders and deadlines from the data");
            return 0;
        }
        catch (CopyRefusedException ex)
        {
            await error.WriteLineAsync($"coordbot {Name}: refused: {ex.Message}");
            return 1;
        }
        catch (Exception ex) when (ex is NpgsqlException or SqliteException)
        {
            await error.WriteLineAsync($"coordbot {Name}: failed, nothing was committed ({target}): {ex.Message.ReplaceLineEndings(" ")}");
            return 1;
        }
    }
}
