using CoordBot.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace CoordBot.Tests.Support;

/// <summary>
/// The empty schema every test host starts from, made once per test process: the bot's own migration step and Quartz's
/// own schema provisioning, run on a template that nothing opens afterwards. A host's database is a copy of it (a file
/// copy for SQLite, <c>CREATE DATABASE ... TEMPLATE</c> on PostgreSQL), so each test still has a database of its own
/// and its host still runs the migrator at start, which finds nothing left to apply. Migrating a fresh database for
/// each of about a thousand hosts (twenty-odd migrations, each model built again) was most of a short test's time.
/// </summary>
internal static class DatabaseTemplate
{
    /// <summary>The names BotHarness gives a host's files: the bot's database and, beside it, Quartz's.</summary>
    public const string DatabaseFile = "coordbot.db";

    public const string SchedulerFile = "coordbot.quartz.db";

    private static readonly Lazy<Task<string>> SqliteFolder = new(CreateSqliteAsync);

    /// <summary>Puts copies of the SQLite template's two files into <paramref name="directory"/>, as <see cref="DatabaseFile"/> and <see cref="SchedulerFile"/>.</summary>
    public static async Task CopySqliteTo(string directory)
    {
        var template = await SqliteFolder.Value;
        foreach (var name in new[] { DatabaseFile, SchedulerFile })
        {
            var copy = Path.Combine(directory, name);
            File.Copy(Path.Combine(template, name), copy);
            // The template is read-only; its copy is the test's own, to write.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }
        }
    }

    /// <summary>
    /// Brings the empty database that <paramref name="settings"/> name to the schema a started host would give it: the
    /// engine's migration step (as <see cref="DatabaseMigrator"/> runs it, without registering any council's bodies,
    /// which differ from test to test) and Quartz's tables, created by Quartz's own provisioning when a scheduler starts.
    /// Quartz's rows (its locks, the template scheduler's state) are removed: the template holds a schema and the rows
    /// the migrations themselves write, nothing else.
    /// </summary>
    public static async Task PrepareAsync(IDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Never contacted: the host is built, not started.
            ["Telegram:BotToken"] = "1:template",
            ["Telegram:BaseUrl"] = "http://127.0.0.1:9",
            ["Operations:Url"] = "",
            // A scheduler name of its own, so it meets no test's scheduler in this process.
            ["Scheduling:InstanceName"] = "CoordBotTemplate-" + Guid.NewGuid().ToString("N"),
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddCoordBot();
        using var host = builder.Build();
        var services = host.Services;
        var factory = services.GetRequiredService<IDbContextFactory<CoordBotDb>>();
        await services.GetRequiredService<ISqlDialect>().MigrateAsync(factory, CancellationToken.None);

        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();
        await scheduler.Shutdown(waitForJobsToComplete: true);

        if (services.GetRequiredService<ISqlDialect>().Provider == DatabaseProvider.PostgreSql)
        {
            // Quartz's tables share the bot's database on PostgreSQL.
            await using var db = await factory.CreateDbContextAsync();
            await db.Database.ExecuteSqlRawAsync(
                "DO $$ DECLARE t text; BEGIN FOR t IN SELECT table_name FROM information_schema.tables " +
                "WHERE table_schema = current_schema() AND lower(table_name) LIKE 'qrtz\\_%' LOOP EXECUTE format('DELETE FROM %I', t); END LOOP; END $$");
        }
        else
        {
            // On SQLite they are in a file of their own (SchedulerFile), and nothing else is.
            var connectionString = services.GetRequiredService<IOptions<CoordBot.Scheduling.SchedulingOptions>>().Value.ConnectionString!;
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'";
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            foreach (var table in tables)
            {
                await using var delete = connection.CreateCommand();
                delete.CommandText = "DELETE FROM \"" + table + "\"";
                await delete.ExecuteNonQueryAsync();
            }
        }
    }

    private static async Task<string> CreateSqliteAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "coordbot-tests", "template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await PrepareAsync(new Dictionary<string, string?> { ["ConnectionStrings:CoordBot"] = $"Data Source={Path.Combine(folder, DatabaseFile)}" });

        // Both files are in write-ahead-log mode: fold each log into its file, so that the file alone is the whole database.
        SqliteConnection.ClearAllPools();
        foreach (var name in new[] { DatabaseFile, SchedulerFile })
        {
            var path = Path.Combine(folder, name);
            await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadWrite }.ConnectionString))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await command.ExecuteNonQueryAsync();
            }

            if (File.Exists(path + "-wal") && new FileInfo(path + "-wal").Length > 0)
            {
                throw new InvalidOperationException($"the template {path} kept a write-ahead log after its checkpoint");
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }
        }

        // Removed when the process ends, as the hosts' own folders are when their tests end.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // The OS temp cleaner takes it.
            }
        };
        return folder;
    }
}
