using CoordBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Telegram.Receiving;

/// <summary>
/// Hands stored updates to the processor: chats in parallel (bounded), each chat's updates in the
/// order Telegram numbered them. Updates stored before a crash are handled after the restart.
/// </summary>
public sealed class InboxDispatcher(UnitOfWork unitOfWork, UpdateProcessor processor, InboxSignal signal, TimeProvider time, ILogger<InboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 1000;
    private static readonly int Parallelism = Math.Max(2, Environment.ProcessorCount * 2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(stoppingToken);
                await signal.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Dispatching updates failed; trying again in 5 seconds");
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Handles every stored update not yet handled.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            List<(long UpdateId, long? ChatId)> pending;
            await using (var db = await unitOfWork.ReadAsync(cancellationToken))
            {
                var rows = await db.InboxUpdates.AsNoTracking()
                    .Where(u => u.ProcessedAt == null)
                    .OrderBy(u => u.UpdateId)
                    .Take(BatchSize)
                    .Select(u => new { u.UpdateId, u.ChatId })
                    .ToListAsync(cancellationToken);
                pending = rows.Select(r => (r.UpdateId, r.ChatId)).ToList();
            }

            if (pending.Count == 0)
            {
                return;
            }

            var chats = pending.GroupBy(p => p.ChatId ?? -p.UpdateId).Select(g => g.Select(p => p.UpdateId).ToList());
            await Parallel.ForEachAsync(
                chats,
                new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (updates, ct) =>
                {
                    foreach (var updateId in updates)
                    {
                        await processor.ProcessAsync(updateId, ct);
                    }
                });
        }
    }
}
