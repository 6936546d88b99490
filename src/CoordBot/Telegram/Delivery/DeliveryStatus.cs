using System.Collections.Concurrent;

namespace CoordBot.Telegram.Delivery;

/// <summary>
/// What the delivery loop is doing, published after every turn: how much is queued and in flight, what
/// was found in flight at start, and a wait for "everything due is sent and recorded" (a health check,
/// a drain before maintenance, a test that asserts on the outbox).
/// </summary>
public sealed class DeliveryStatus(OutboxSignal signal)
{
    private readonly ConcurrentQueue<TaskCompletionSource<TimeSpan>> _requests = new();
    private readonly List<TaskCompletionSource<TimeSpan>> _armed = [];
    private volatile bool _running;
    private TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _queued;
    private int _inFlight;

    /// <summary>Outbox messages loaded and waiting or in flight.</summary>
    public int Queued => Volatile.Read(ref _queued);

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Rows found claimed at start (in flight when the process stopped); they are sent again.</summary>
    public int RecoveredInFlight { get; internal set; }

    /// <summary>
    /// Waits for the loop to run, has it read the outbox, and completes when nothing is in flight and nothing can be sent right
    /// now (what waits for a retry_after or a backoff aside); returns the time until the next message is
    /// due (a minute if none is waiting).
    /// </summary>
    public async Task<TimeSpan> WhenIdleAsync(CancellationToken cancellationToken)
    {
        // On PostgreSQL the loop runs only while this instance holds the sender's role, won after the host starts:
        // a request made before that waits for the loop rather than failing.
        while (!_running)
        {
            await Volatile.Read(ref _started).Task.WaitAsync(cancellationToken);
        }

        var request = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        _requests.Enqueue(request);
        signal.Notify();
        using var registration = cancellationToken.Register(() => request.TrySetCanceled(cancellationToken));
        return await request.Task;
    }

    internal bool Running
    {
        set
        {
            _running = value;
            if (value)
            {
                Volatile.Read(ref _started).TrySetResult();
            }
        }
    }

    /// <summary>On the loop, before it reads the outbox: requests made so far wait for this turn's outcome.</summary>
    internal bool Arm()
    {
        while (_requests.TryDequeue(out var request))
        {
            _armed.Add(request);
        }

        return _armed.Count > 0;
    }

    internal void Publish(int queued, int inFlight)
    {
        Volatile.Write(ref _queued, queued);
        Volatile.Write(ref _inFlight, inFlight);
    }

    internal void Idle(TimeSpan nextDueIn)
    {
        foreach (var request in _armed)
        {
            request.TrySetResult(nextDueIn);
        }

        _armed.Clear();
    }

    internal void Stopped()
    {
        // The next term's start is a new signal; set before the flag, so a waiter never sees "stopped" with a completed one.
        Interlocked.Exchange(ref _started, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _running = false;
        foreach (var request in _armed.Concat(_requests))
        {
            request.TrySetCanceled();
        }

        _armed.Clear();
        _requests.Clear();
    }
}
