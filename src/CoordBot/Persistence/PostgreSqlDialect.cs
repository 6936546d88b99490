using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoordBot.Persistence;

/// <summary>
/// The scale-out engine: a PostgreSQL server, shared with Quartz's clustered job store. No file, no pragmas, no
/// WAL checkpoints (the server does its own); EF's migration creates the database when the account may.
/// </summary>
internal sealed class PostgreSqlDialect(IOptions<DatabaseOptions> options) : ISqlDialect
{
    public DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    private static readonly string WriteLock = string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"SELECT pg_advisory_xact_lock({Cluster.Leadership.ClassId}, {Cluster.Leadership.Writer.Key})");

    public string InsertInboxUpdateIfNew =>
        "INSERT INTO \"InboxUpdates\" (\"UpdateId\", \"ChatId\", \"Payload\", \"ReceivedAt\") VALUES (@id, @chat, @payload, @at) ON CONFLICT (\"UpdateId\") DO NOTHING";

    public string? AnnounceInbox => "NOTIFY " + Cluster.ClusterSignals.InboxChannel;

    public void Configure(DbContextOptionsBuilder builder, IServiceProvider services) => builder
        .UseNpgsql(options.Value.ConnectionString)
        .AddInterceptors(Cluster.OutboxAnnouncer.Instance);

    /// <summary>
    /// The whole cluster writes one transaction at a time (why, rather than row locks: docs/scale-out.md). Waiting here
    /// is short: each process lets one unit of work at a time through its write gate, and a batch keeps to its budget.
    /// </summary>
    public async Task EnterWriteAsync(System.Data.Common.DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = WriteLock;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public CoordBotDb CreateContext(DbContextOptions<CoordBotDb> contextOptions) => new PostgreSqlCoordBotDb(contextOptions);

    public object Timestamp(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc);

    public async Task MigrateAsync(IDbContextFactory<CoordBotDb> factory, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            // Several instances may start at once: EF 9+ takes a lock on the history table while migrating.
            await db.Database.MigrateAsync(cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            throw Unreachable(ex);
        }
    }

    public async Task<string?> ProbeAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString) { Timeout = 5, CommandTimeout = 5 };
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM \"__EFMigrationsHistory\"";
            await command.ExecuteScalarAsync(cancellationToken);
            return null;
        }
        catch (NpgsqlException ex)
        {
            return ex.Message;
        }
    }

    public async Task<long> SizeAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(options.Value.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT pg_database_size(current_database())";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private ConfigurationException Unreachable(NpgsqlException ex) =>
        new($"{DatabaseOptions.Key} names a PostgreSQL database the bot cannot reach or migrate ({DatabaseOptions.DescribeServer(options.Value.ConnectionString)}): {ex.Message.ReplaceLineEndings(" ")}");
}
