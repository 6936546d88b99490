using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoordBot.Persistence;

/// <summary>
/// Before anything else starts: gets the database ready (<see cref="ISqlDialect.MigrateAsync"/>: for SQLite the
/// file's folder, the migrations and write-ahead logging; for PostgreSQL the migrations). A database the bot
/// cannot create or write stops the start with one line naming the key, not a stack trace.
/// </summary>
/// <remarks>
/// <c>Program</c> runs it before the host starts (<see cref="EnsureReadyAsync"/>), because the host logs a
/// failing hosted service with its stack trace; as a hosted service it then has nothing left to do.
/// </remarks>
public sealed class DatabaseMigrator(IDbContextFactory<CoordBotDb> factory, ISqlDialect dialect, IOptions<DatabaseOptions> options, Council.CouncilProvider council, ILogger<DatabaseMigrator> logger) : IHostedService
{
    private readonly Lock _lock = new();
    private Task? _ready;

    public Task StartAsync(CancellationToken cancellationToken) => EnsureReadyAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Migrates once (a failure stays the answer); throws <see cref="ConfigurationException"/> when the database cannot be created or written.</summary>
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
        await dialect.MigrateAsync(factory, cancellationToken);
        // Each configured body gets its id before any update or job reads a row of it (issue 25).
        await council.RegisterAsync(factory, cancellationToken);
        if (dialect.Provider == DatabaseProvider.PostgreSql)
        {
            logger.LogInformation("Database ready: PostgreSQL, {Server}", DatabaseOptions.DescribeServer(options.Value.ConnectionString));
        }
        else
        {
            logger.LogInformation("Database ready at {DataSource}", options.Value.FilePath);
        }
    }
}
