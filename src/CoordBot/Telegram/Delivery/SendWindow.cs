namespace CoordBot.Telegram.Delivery;

/// <summary>
/// "At most <see cref="Limit"/> sends in any <see cref="Window"/>, and consecutive sends at least
/// <see cref="MinSpacing"/> apart": Telegram's limits as it counts them (a sliding window), for one
/// chat or for the whole bot. Pure bookkeeping on times passed in, so it runs on any clock.
/// </summary>
/// <remarks>
/// Why not System.Threading.RateLimiting: its limiters read the machine clock (Stopwatch) and refill
/// on their own timer, so they cannot be driven by an injected <see cref="TimeProvider"/>, and they can
/// only grant or queue a lease, not answer "when is the next slot" — which is what a scheduler needs
/// to sleep exactly until a chat is ready instead of holding a worker while it waits.
/// <para>
/// A send is first recorded at its start time (<see cref="Reserve"/>) and then moved to the time its
/// answer came back (<see cref="Settle"/>). Telegram counts a request when it arrives, which is somewhere
/// between the two; spacing the (k+Limit)-th start at least <see cref="Window"/> after the k-th answer
/// therefore keeps Telegram's count within the limit however long the requests travel, with no guessed
/// safety margin. While the send that bounds the window is still in flight the next slot is unknown
/// (<see cref="DateTimeOffset.MaxValue"/>): the caller waits for that answer.
/// </para>
/// Not thread-safe: the delivery scheduler owns it.
/// </remarks>
public sealed class SendWindow
{
    private readonly Queue<Slot> _recent = new();
    private DateTimeOffset _lastStart = DateTimeOffset.MinValue;

    public SendWindow(int limit, TimeSpan window, TimeSpan minSpacing = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        Limit = limit;
        Window = window;
        MinSpacing = minSpacing;
    }

    public int Limit { get; }

    public TimeSpan Window { get; }

    public TimeSpan MinSpacing { get; }

    /// <summary>Start time of the latest send (MinValue if none).</summary>
    public DateTimeOffset LastStart => _lastStart;

    /// <summary>The earliest time a send may start (<paramref name="now"/> if it may start now).</summary>
    public DateTimeOffset NextSlot(DateTimeOffset now)
    {
        var next = now;
        if (MinSpacing > TimeSpan.Zero && _lastStart != DateTimeOffset.MinValue && _lastStart + MinSpacing > next)
        {
            next = _lastStart + MinSpacing;
        }

        if (_recent.Count >= Limit)
        {
            var bounding = _recent.Peek();
            if (!bounding.Settled)
            {
                return DateTimeOffset.MaxValue;
            }

            if (bounding.At + Window > next)
            {
                next = bounding.At + Window;
            }
        }

        return next;
    }

    /// <summary>Records a send starting at <paramref name="now"/>; settle the returned slot when its answer comes.</summary>
    public Slot Reserve(DateTimeOffset now)
    {
        var slot = new Slot(now);
        _recent.Enqueue(slot);
        while (_recent.Count > Limit)
        {
            _recent.Dequeue();
        }

        _lastStart = now;
        return slot;
    }

    /// <summary>The send of <paramref name="slot"/> has been answered (or failed) at <paramref name="at"/>.</summary>
    public static void Settle(Slot slot, DateTimeOffset at)
    {
        if (at > slot.At)
        {
            slot.At = at;
        }

        slot.Settled = true;
    }

    /// <summary>True when the last send is older than the window: nothing of this chat still counts.</summary>
    public bool IsIdle(DateTimeOffset now) =>
        _recent.Count == 0 || _recent.All(s => s.Settled && s.At + Window <= now);

    public sealed class Slot(DateTimeOffset at)
    {
        public DateTimeOffset At { get; internal set; } = at;

        public bool Settled { get; internal set; }
    }
}
