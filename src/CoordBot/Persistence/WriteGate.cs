namespace CoordBot.Persistence;

/// <summary>
/// SQLite allows one writer at a time; a writer that meets another gets "database is locked".
/// Every unit of work in this process takes this gate, so writers queue in memory instead.
/// </summary>
public sealed class WriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _writes;

    /// <summary>How many times the gate has been left (a cheap "something may have been written" stamp).</summary>
    public long Writes => Interlocked.Read(ref _writes);

    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(this);
    }

    private sealed class Releaser(WriteGate owner) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Interlocked.Increment(ref owner._writes);
                owner._gate.Release();
            }
        }
    }
}
