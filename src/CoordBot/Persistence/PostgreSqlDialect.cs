using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoordBot.Persistence;

/// <summary>
/// The scale-out engine: a PostgreSQL server, shared with Quartz's clustered job store and with other instances. No file, no pragmas, no
/// WAL checkpoints (the server does its own); EF's migration creates the database when the account may.
/// </summary>
internal sealed class PostgreSqlDialect(IOptions<DatabaseOptions> options) : ISqlDialect
{
    public DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public string InsertInboxUpdateIfNew =>
        "INSERT INTO \"InboxUpdates\" (\"UpdateId\", \"ChatId\", \"Payload\", \"ReceivedAt\") VALUES (@id, @chat, @payload, @at) ON CONFLICT (\"UpdateId\") DO NOTHING";

    public string? AnnounceInbox => "NOTIFY " + Cluster.ClusterSignals.InboxChannel;

    public void Configure(DbContextOptionsBuilder builder, IServiceProvider services) => builder
        .UseNpgsql(options.Value.ConnectionString)
        .AddInterceptors(Cluster.OutboxAnnouncer.Instance);

    /// <summary>Instances write side by side: no lock of the whole cluster; work is claimed by row (docs/scale-out.md).</summary>
    public bool ClaimsRows => true;

    /// <summary>
    /// The heads of chats: an unhandled update with no older unhandled update of its chat, locked or skipped. Another
    /// instance's head is skipped (it is locked); so are the later updates of its chat (their head is older and unhandled).
    /// A head handled and committed by another instance after this statement's snapshot is locked afresh and then
    /// dropped, because PostgreSQL checks a locked row's <c>WHERE</c> again on its newest version. The same statement reads
    /// the claimed chats' unhandled updates (one round trip, not two); a chat's update committed after its snapshot is the
    /// head of a later batch.
    /// </summary>
    public string? ClaimChatHeads =>
        "WITH heads AS MATERIALIZED (SELECT i.\"UpdateId\", i.\"ChatId\" FROM \"InboxUpdates\" i WHERE i.\"ProcessedAt\" IS NULL " +
        "AND NOT EXISTS (SELECT 1 FROM \"InboxUpdates\" o WHERE o.\"ChatId\" = i.\"ChatId\" AND o.\"ProcessedAt\" IS NULL AND o.\"UpdateId\" < i.\"UpdateId\") " +
        "ORDER BY i.\"UpdateId\" LIMIT @chats FOR UPDATE OF i SKIP LOCKED) " +
        "SELECT u.\"UpdateId\", u.\"ChatId\", u.\"Payload\", u.\"ReceivedAt\", (SELECT count(*) FROM heads) FROM \"InboxUpdates\" u " +
        "WHERE u.\"ProcessedAt\" IS NULL AND (u.\"UpdateId\" IN (SELECT h.\"UpdateId\" FROM heads h) OR u.\"ChatId\" IN (SELECT h.\"ChatId\" FROM heads h)) " +
        "ORDER BY u.\"UpdateId\" LIMIT @max";

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
