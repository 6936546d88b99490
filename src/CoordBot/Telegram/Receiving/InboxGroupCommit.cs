namespace CoordBot.Telegram.Receiving;

/// <summary>
/// Stores updates that arrive one per call (webhook calls, which Telegram makes up to 40 at a time) in shared
/// transactions: a call whose update finds no store running starts one, with every update waiting at that moment; calls
/// that arrive while it runs wait for the next, which the same call starts as soon as the first commits. Each call still
/// returns only once its own update is durably stored (or throws if its transaction failed, so Telegram sends it again),
/// so the contract of <see cref="InboxWriter"/> is unchanged; what changes is one transaction (and, on PostgreSQL, one
/// NOTIFY) per burst instead of one per update.
/// </summary>
public sealed class InboxGroupCommit(InboxWriter inbox)
{
    /// <summary>Most updates in one transaction; the rest wait for the next.</summary>
    public const int MaxBatch = 100;

    private readonly Lock _gate = new();
    private List<Waiting> _waiting = [];
    private bool _storing;

    /// <summary>How many transactions stored updates here (for the tests: fewer than the updates when calls overlap).</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    private long _transactions;

    /// <summary>Returns once <paramref name="update"/> is stored (or was already: a repeated update_id has one effect).</summary>
    public Task StoreAsync(RawUpdate update)
    {
        var waiting = new Waiting(update);
        bool starts;
        lock (_gate)
        {
            _waiting.Add(waiting);
            starts = !_storing;
            _storing = true;
        }

        if (starts)
        {
            return StoreWhileWaitingAsync(waiting);
        }

        return waiting.Stored.Task;
    }

    /// <summary>
    /// The caller's own update is in the first batch (nothing waited when the call found no store running), so the caller is
    /// answered once that batch commits; updates that arrived meanwhile are stored on by <see cref="DrainAsync"/>, without it.
    /// </summary>
    private async Task StoreWhileWaitingAsync(Waiting own)
    {
        await StoreNextBatchAsync();
        if (!FinishedIfNoneWait())
        {
            _ = Task.Run(DrainAsync);
        }

        await own.Stored.Task;
    }

    private async Task DrainAsync()
    {
        do
        {
            await StoreNextBatchAsync();
        }
        while (!FinishedIfNoneWait());
    }

    /// <summary>True, and the next call starts a store of its own, when no update waits.</summary>
    private bool FinishedIfNoneWait()
    {
        lock (_gate)
        {
            _storing = _waiting.Count > 0;
            return !_storing;
        }
    }

    private async Task StoreNextBatchAsync()
    {
        List<Waiting> batch;
        lock (_gate)
        {
            if (_waiting.Count <= MaxBatch)
            {
                (batch, _waiting) = (_waiting, []);
            }
            else
            {
                batch = _waiting[..MaxBatch];
                _waiting.RemoveRange(0, MaxBatch);
            }
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            // Not the first caller's token: the others' updates are in this transaction too, and a stored update is never lost.
            await inbox.StoreAsync([.. batch.Select(w => w.Update)], CancellationToken.None);
            Interlocked.Increment(ref _transactions);
            foreach (var waiting in batch)
            {
                waiting.Stored.TrySetResult();
            }
        }
        catch (Exception ex)
        {
            foreach (var waiting in batch)
            {
                waiting.Stored.TrySetException(ex);
            }
        }
    }

    private sealed class Waiting(RawUpdate update)
    {
        public RawUpdate Update { get; } = update;

        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
