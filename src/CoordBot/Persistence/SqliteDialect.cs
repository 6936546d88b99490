using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoordBot.Persistence;

/// <summary>The default engine: one SQLite file in write-ahead-log mode, with its pragmas on every connection.</summary>
internal sealed class SqliteDialect(IOptions<DatabaseOptions> options, IConfiguration configuration) : ISqlDialect
{
    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string InsertInboxUpdateIfNew =>
        "INSERT OR IGNORE INTO \"InboxUpdates\" (\"UpdateId\", \"ChatId\", \"Payload\", \"ReceivedAt\") VALUES (@id, @chat, @payload, @at)";

    public void Configure(DbContextOptionsBuilder builder, IServiceProvider services) => builder
        .UseSqlite(options.Value.RuntimeConnectionString)
        .AddInterceptors(services.GetRequiredService<SqlitePragmas>());

    public CoordBotDb CreateContext(DbContextOptions<CoordBotDb> contextOptions) => new(contextOptions);

    /// <summary>One process: its write gate is the whole lock, and the oldest pending updates are simply read.</summary>
    public bool ClaimsRows => false;

    public string? ClaimChatHeads => null;

    public string? AnnounceInbox => null;

    /// <summary>The format EF Core's SQLite provider stores DateTime in, so the column stays comparable.</summary>
    public object Timestamp(DateTime utc) => utc.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture);

    public async Task MigrateAsync(IDbContextFactory<CoordBotDb> factory, CancellationToken cancellationToken)
    {
        var path = options.Value.FilePath;
        try
        {
            UnwritableDatabase.RefuseFolder(path);

            if (path is not null && Path.GetDirectoryName(path) is { Length: > 0 } directory)
            {
                Directory.CreateDirectory(directory);
            }

            // The only place that creates the file: the bot's own connections never do (RuntimeConnectionString).
            await using (var create = new SqliteConnection(options.Value.ConnectionString))
            {
                await create.OpenAsync(cancellationToken);
            }

            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            // A read-only file passes the steps above when nothing is left to migrate: prove it takes writes.
            await db.Database.ExecuteSqlRawAsync("BEGIN IMMEDIATE; ROLLBACK;", cancellationToken);
        }
        catch (Exception ex) when (UnwritableDatabase.Is(ex))
        {
            throw UnwritableDatabase.Error(DatabaseOptions.Key, path ?? options.Value.ConnectionString, ex);
        }
    }

    public Task<long> SizeAsync(CancellationToken cancellationToken)
    {
        var files = CoordBot.Operations.DataFiles.From(configuration);
        return Task.FromResult(new[] { files.Database, files.Database + "-wal", files.JobStore, files.JobStore + "-wal" }
            .Where(File.Exists)
            .Sum(f => new FileInfo(f).Length));
    }

    /// <summary>
    /// A connection of its own, unpooled and (like every connection of the running bot) never creating the file:
    /// a pooled connection would still reach a file that has been deleted, and creating an empty database would hide the loss.
    /// </summary>
    public async Task<string?> ProbeAsync(CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(options.Value.RuntimeConnectionString)
        {
            Pooling = false,
            DefaultTimeout = 5,
        };
        try
        {
            await using var connection = new SqliteConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM \"__EFMigrationsHistory\"";
            await command.ExecuteScalarAsync(cancellationToken);
            return null;
        }
        catch (SqliteException ex)
        {
            return ex.Message;
        }
    }
}
