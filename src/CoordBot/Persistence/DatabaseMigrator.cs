using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoordBot.Persistence;

/// <summary>
/// Before anything else starts: creates the database's folder (a fresh clone has no data/), applies the
/// migrations and turns on write-ahead logging. A file the bot cannot create or write stops the start
/// with one line naming the key and the path, not a stack trace.
/// </summary>
/// <remarks>
/// <c>Program</c> runs it before the host starts (<see cref="EnsureReadyAsync"/>), because the host logs a
/// failing hosted service with its stack trace; as a hosted service it then has nothing left to do.
/// </remarks>
public sealed class DatabaseMigrator(IDbContextFactory<CoordBotDb> factory, IOptions<DatabaseOptions> options, ILogger<DatabaseMigrator> logger) : IHostedService
{
    private readonly Lock _lock = new();
    private Task? _ready;

    public Task StartAsync(CancellationToken cancellationToken) => EnsureReadyAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Migrates once (a failure stays the answer); throws <see cref="ConfigurationException"/> when the file cannot be created or written.</summary>
    public Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            // Not cancellable once begun: a migration cut in the middle is worse than a slow stop.
            _ready ??= MigrateAsync(CancellationToken.None);
            return _ready.WaitAsync(cancellationToken);
        }
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
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

        logger.LogInformation("Database ready at {DataSource}", path);
    }
}
