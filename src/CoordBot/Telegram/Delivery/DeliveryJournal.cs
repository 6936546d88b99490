using System.Threading.Channels;
using CoordBot.Persistence;
using CoordBot.Cluster;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Telegram.Delivery;

/// <summary>
/// Writes what the delivery does to the outbox, in group commits: every claim and outcome that is
/// waiting when the writer is free goes into one transaction. A caller's task completes only once its
/// entry is durable, so a send starts only after its claim is on disk, and a chat's next message only
/// after the previous one is recorded as sent. Under load this turns hundreds of tiny commits into a few.
/// With several instances each batch checks the sender's term (<paramref name="fence"/>): a sender that another
/// instance has replaced has its claims refused, so it sends nothing more, and its term ends at once.
/// </summary>
internal sealed class DeliveryJournal(UnitOfWork unitOfWork, ILogger logger, Func<bool> dead, Fence? fence = null, Action<Fence>? superseded = null)
{
    private const int MaxBatch = 512;
    private readonly Channel<Entry> _entries = Channel.CreateUnbounded<Entry>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Marks a row as in flight; completes when that is committed.</summary>
    public Task ClaimAsync(long id, DateTime at) => Enqueue(new Entry(id, Claim: at, Outcome: null));

    /// <summary>Records the outcome of a send and clears the claim; completes when committed.</summary>
    public Task RecordAsync(long id, DeliveryOutcome outcome) => Enqueue(new Entry(id, Claim: null, Outcome: outcome));

    /// <summary>No more entries will come; <see cref="RunAsync"/> ends once the queue is written.</summary>
    public void Complete() => _entries.Writer.TryComplete();

    public async Task RunAsync()
    {
        var batch = new List<Entry>(MaxBatch);
        while (await _entries.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _entries.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            try
            {
                if (dead())
                {
                    throw new ObjectDisposedException(nameof(DeliveryJournal), "The delivery service was disposed while running.");
                }

                await WriteAsync(batch);
                foreach (var entry in batch)
                {
                    entry.Done.TrySetResult();
                }
            }
            catch (TermSupersededException ex)
            {
                superseded?.Invoke(ex.Fence);
                foreach (var entry in batch)
                {
                    entry.Done.TrySetException(ex);
                }
            }
            catch (Exception ex)
            {
                if (!dead())
                {
                    logger.LogError(ex, "Recording {Count} outbox deliveries failed", batch.Count);
                }

                foreach (var entry in batch)
                {
                    entry.Done.TrySetException(ex);
                }
            }
        }
    }

    private Task Enqueue(Entry entry) =>
        _entries.Writer.TryWrite(entry) ? entry.Done.Task : Task.FromException(new InvalidOperationException("The delivery journal is closed."));

    // Not cancellable on purpose: a delivery that happened is recorded even while the host stops.
    private Task WriteAsync(List<Entry> batch) => unitOfWork.RunAsync(async (db, _) =>
    {
        if (fence is not null)
        {
            await fence.CheckAsync(db, CancellationToken.None);
        }

        var claims = batch.Where(e => e.Claim is not null).GroupBy(e => e.Claim!.Value);
        foreach (var group in claims)
        {
            var ids = group.Select(e => e.Id).ToList();
            var at = group.Key;
            await db.OutboxMessages.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedAt, at), CancellationToken.None);
        }

        foreach (var entry in batch)
        {
            if (entry.Outcome is not { } o)
            {
                continue;
            }

            var error = o.Error is { Length: > 500 } long_ ? long_[..500] : o.Error;
            if (o.Status == OutboxStatus.Sent)
            {
                await db.OutboxMessages.Where(m => m.Id == entry.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, o.Status)
                    .SetProperty(m => m.Attempts, o.Attempts)
                    .SetProperty(m => m.TelegramMessageId, o.TelegramMessageId)
                    .SetProperty(m => m.SentAt, o.At)
                    .SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.ClaimedAt, (DateTime?)null)
                    // The content is no longer needed once Telegram has it; documents can be large.
                    .SetProperty(m => m.DocumentContent, (byte[]?)null), CancellationToken.None);
            }
            else
            {
                await db.OutboxMessages.Where(m => m.Id == entry.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, o.Status)
                    .SetProperty(m => m.Attempts, o.Attempts)
                    .SetProperty(m => m.NextAttemptAt, o.NextAttemptAt)
                    .SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.ClaimedAt, (DateTime?)null), CancellationToken.None);
            }
        }
    }, wakesSender: false, CancellationToken.None);

    private sealed record Entry(long Id, DateTime? Claim, DeliveryOutcome? Outcome)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
