namespace CoordBot.Telegram.Delivery;

/// <summary>
/// The clock the delivery paces by. Telegram's limits run on real time, so this is the system clock
/// even when the rest of the bot runs on a test's fake clock (a frozen fake clock would otherwise stop
/// every send after the first few). Register <c>new DeliveryClock(fake)</c> to drive pacing from a test.
/// <para>
/// It only moves forward: it reads the given clock's time once and then adds the elapsed time of its
/// monotonic timestamp. A wall clock corrected backwards (NTP, an operator) would otherwise leave every
/// send recorded under the limits "in the future", and the chats would wait until the clock caught up.
/// </para>
/// </summary>
public sealed class DeliveryClock(TimeProvider time)
{
    public static readonly DeliveryClock System = new(TimeProvider.System);

    public TimeProvider Time { get; } = new Forward(time);

    private sealed class Forward(TimeProvider inner) : TimeProvider
    {
        private readonly DateTimeOffset _origin = inner.GetUtcNow();
        private readonly long _start = inner.GetTimestamp();

        public override DateTimeOffset GetUtcNow() => _origin + inner.GetElapsedTime(_start);

        public override long GetTimestamp() => inner.GetTimestamp();

        public override long TimestampFrequency => inner.TimestampFrequency;

        public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            inner.CreateTimer(callback, state, dueTime, period);
    }
}
