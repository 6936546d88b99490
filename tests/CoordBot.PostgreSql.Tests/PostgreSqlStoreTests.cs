using System.Text.Json;
using CoordBot.Operations.Backups;
using CoordBot.Persistence;
using CoordBot.Telegram.Receiving;
using CoordBot.Tests.PostgreSql;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;

namespace CoordBot.PostgreSql.Tests;

/// <summary>The bot on a real PostgreSQL server (<see cref="PostgresServer"/>): skipped, with the reason, where none can start.</summary>
[Collection(SharedServer.Name)]
public sealed class PostgreSqlStoreTests
{
    [SkippableFact]
    public async Task The_bot_migrates_an_empty_database_and_answers_with_a_clustered_scheduler()
    {
        Skip.If(PostgresServer.MissingReason is not null, PostgresServer.MissingReason);
        var settings = await TestDatabase.SettingsAsync();
        await using var bot = await BotHarness.StartAsync(settings);

        var reply = await bot.AskAsync(42, "/start");

        Assert.Contains("Welcome to CoordBot", reply.Text, StringComparison.Ordinal);
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        Assert.IsType<PostgreSqlCoordBotDb>(db);
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.True(await db.InboxUpdates.AnyAsync(u => u.ProcessedAt != null));

        var scheduler = await bot.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var metadata = await scheduler.GetMetadata();
        Assert.True(metadata.JobStoreClustered);
        Assert.True(metadata.JobStorePersistent);
        Assert.NotEqual("NON_CLUSTERED", metadata.SchedulerInstanceId);
        // Quartz provisioned its own tables in the bot's database, beside EF's.
        Assert.Equal(1L, await ScalarAsync(settings, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'qrtz_scheduler_state'"));
        Assert.DoesNotContain(bot.Services.GetServices<IHostedService>(), s => s.GetType().Name == "WalCheckpointer");
    }

    [SkippableFact]
    public async Task A_repeated_update_is_stored_once_and_a_new_one_after_it()
    {
        Skip.If(PostgresServer.MissingReason is not null, PostgresServer.MissingReason);
        await using var bot = await BotHarness.StartAsync(await TestDatabase.SettingsAsync());
        var inbox = bot.Services.GetRequiredService<InboxWriter>();
        // Stopped handling would race the count below; the dispatcher only marks rows, it never removes them.
        var first = Update(900_001, 77);
        var second = Update(900_002, 77);

        Assert.Equal(1, await inbox.StoreAsync([first], CancellationToken.None));
        Assert.Equal(1, await inbox.StoreAsync([first, second], CancellationToken.None));
        Assert.Equal(0, await inbox.StoreAsync([second, first], CancellationToken.None));

        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        var stored = await db.InboxUpdates.Where(u => u.UpdateId >= 900_001).OrderBy(u => u.UpdateId).ToListAsync();
        Assert.Equal([900_001L, 900_002L], stored.Select(u => u.UpdateId));
        Assert.All(stored, u => Assert.Equal(77L, u.ChatId));
    }

    [SkippableFact]
    public async Task The_database_health_check_probes_the_server_and_reports_it_gone()
    {
        Skip.If(PostgresServer.MissingReason is not null, PostgresServer.MissingReason);
        var settings = await TestDatabase.SettingsAsync();
        await using var bot = await BotHarness.StartAsync(settings);
        var health = bot.Services.GetRequiredService<CoordBot.Operations.DatabaseHealthCheck>();

        var healthy = await health.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Healthy, healthy.Status);

        // The bot's database dropped under it (forcing its connections out): the probe says so instead of passing.
        var name = new NpgsqlConnectionStringBuilder(settings["ConnectionStrings:CoordBot"]).Database;
        var admin = new NpgsqlConnectionStringBuilder(settings["ConnectionStrings:CoordBot"]) { Database = "postgres" }.ConnectionString;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(admin, $"DROP DATABASE \"{name}\" WITH (FORCE)");
        var gone = await health.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, gone.Status);
        Assert.Contains(name!, gone.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_backup_verbs_point_a_PostgreSQL_operator_to_pg_dump_and_touch_nothing()
    {
        using var directory = new TempDirectory();
        var file = directory.File("backup.zip");
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await BackupVerbs.TryRunAsync(["backup", file, "--Database:Provider=PostgreSQL", "--ConnectionStrings:CoordBot=Host=127.0.0.1;Database=coordbot"], output, error);

        Assert.Equal(BackupVerbs.Usage, code);
        Assert.Contains("pg_dump", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Theory]
    [InlineData("Postgre", null, "Database:Provider must be Sqlite or PostgreSQL")]
    [InlineData("PostgreSQL", null, "ConnectionStrings:CoordBot must name the PostgreSQL server")]
    [InlineData("PostgreSQL", "Data Source=data/x.db", "ConnectionStrings:CoordBot is not a valid PostgreSQL connection string")]
    [InlineData("PostgreSQL", "Database=coordbot", "ConnectionStrings:CoordBot needs a Host")]
    public void A_wrong_database_setting_stops_the_start_naming_its_key(string provider, string? connectionString, string expected)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = "123456:ABC-def_ghi",
            ["Database:Provider"] = provider,
            ["ConnectionStrings:CoordBot"] = connectionString,
        });
        builder.AddCoordBot();
        using var host = builder.Build();

        var error = Assert.ThrowsAny<Exception>(host.ValidateCoordBotConfiguration);

        // One line, about the database alone.
        var description = ConfigurationError.Describe(error);
        Assert.StartsWith(expected, description, StringComparison.Ordinal);
        Assert.DoesNotContain("; ", description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Data Source=data/coordbot.quartz.db", "Scheduling:ConnectionString is not a valid PostgreSQL connection string")]
    [InlineData("Database=quartz", "Scheduling:ConnectionString needs a Host")]
    public void A_Quartz_store_that_is_no_PostgreSQL_server_stops_the_start(string scheduling, string expected)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = "123456:ABC-def_ghi",
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:CoordBot"] = "Host=127.0.0.1;Database=coordbot",
            ["Scheduling:ConnectionString"] = scheduling,
        });
        builder.AddCoordBot();
        using var host = builder.Build();

        var error = Assert.ThrowsAny<Exception>(host.ValidateCoordBotConfiguration);

        Assert.StartsWith(expected, ConfigurationError.Describe(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_provider_the_bot_stays_on_its_SQLite_file()
    {
        var options = DatabaseOptions.From(new ConfigurationBuilder().Build());

        Assert.Equal(DatabaseProvider.Sqlite, options.Provider);
        Assert.EndsWith(Path.Combine("data", "coordbot.db"), options.FilePath, StringComparison.Ordinal);
    }

    private static RawUpdate Update(long id, long chat) => new(id, chat, JsonSerializer.Serialize(new
    {
        update_id = id,
        message = new { message_id = 5, date = 1_700_000_000, text = "hello", chat = new { id = chat, type = "private", first_name = "Tiit" }, from = new { id = chat, is_bot = false, first_name = "Tiit" } },
    }));

    private static async Task<object?> ScalarAsync(IDictionary<string, string?> settings, string sql)
    {
        await using var connection = new NpgsqlConnection(settings["ConnectionStrings:CoordBot"]);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
