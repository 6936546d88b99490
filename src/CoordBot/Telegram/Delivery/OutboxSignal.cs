namespace CoordBot.Telegram.Delivery;

/// <summary>
/// Wakes the delivery scheduler when outbox rows have been committed. Level-triggered: a notification
/// that comes while nobody waits is kept until the scheduler next looks.
/// </summary>
public sealed class OutboxSignal
{
    private TaskCompletionSource _current = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Notify() => Volatile.Read(ref _current).TrySetResult();

    /// <summary>Completes at the first notification not yet consumed by <see cref="Consume"/>.</summary>
    public Task Signalled => Volatile.Read(ref _current).Task;

    /// <summary>Takes a pending notification; true if there was one. Read the outbox after this, not before.</summary>
    public bool Consume()
    {
        var current = Volatile.Read(ref _current);
        if (!current.Task.IsCompleted)
        {
            return false;
        }

        Interlocked.CompareExchange(ref _current, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), current);
        return true;
    }
}
