using Microsoft.EntityFrameworkCore;

namespace CoordBot.Persistence;

/// <summary>Applies the migrations and turns on write-ahead logging before anything else starts.</summary>
internal sealed class DatabaseMigrator(IDbContextFactory<CoordBotDb> factory, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        logger.LogInformation("Database ready at {DataSource}", db.Database.GetDbConnection().DataSource);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
