namespace CoordBot.BotApi.Internal;

/// <summary>At most <paramref name="limit"/> events in any <paramref name="window"/>; not thread-safe (the caller holds the emulator's lock).</summary>
internal sealed class SlidingWindow(int limit, TimeSpan window)
{
    private readonly Queue<DateTimeOffset> events = new();

    /// <summary>Zero when an event may happen now, otherwise how long until the oldest event leaves the window.</summary>
    public TimeSpan WaitNeeded(DateTimeOffset now)
    {
        while (events.Count > 0 && events.Peek() + window <= now)
        {
            events.Dequeue();
        }

        return events.Count < limit ? TimeSpan.Zero : events.Peek() + window - now;
    }

    public void Record(DateTimeOffset now) => events.Enqueue(now);
}
