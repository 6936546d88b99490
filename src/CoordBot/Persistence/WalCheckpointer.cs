using Microsoft.EntityFrameworkCore;

namespace CoordBot.Persistence;

/// <summary>
/// Copies the write-ahead log back into the database file in the background. SQLite would otherwise do
/// it inside whichever commit crosses its threshold, under the write gate: that commit (and everything
/// queued behind it, replies included) would wait for the copy and its fsync. A passive checkpoint never
/// blocks writers or readers; the connections keep a larger automatic threshold only as a safety net.
/// Runs after writes only, so an idle bot stays idle.
/// </summary>
internal sealed class WalCheckpointer(IDbContextFactory<CoordBotDb> factory, WriteGate gate, ILogger<WalCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var checkpointed = gate.Writes;
        using var timer = new PeriodicTimer(Interval, TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var writes = gate.Writes;
                if (writes == checkpointed)
                {
                    continue;
                }

                try
                {
                    await using var db = await factory.CreateDbContextAsync(stoppingToken);
                    await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", stoppingToken);
                    checkpointed = writes;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // SQLite's automatic checkpoint still bounds the log.
                    logger.LogWarning("A background WAL checkpoint failed ({ErrorType}: {Reason})", ex.GetType().Name, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
