using Microsoft.Extensions.Time.Testing;

namespace CoordBot.Tests.Drafts;

/// <summary>
/// A clock that tells the time of a <see cref="FakeTimeProvider"/> (moved by <see cref="Advance"/>), while its timers fire
/// when either that fake time or real time reaches them. The host's short pauses (the poller's one-second wait
/// after an empty poll) then pass as usual, and a deadline hours away fires as soon as the test moves the clock past it.
/// </summary>
internal sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private readonly FakeTimeProvider fake = new(start);

    public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan by) => fake.Advance(by);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new EitherTimer(fake.CreateTimer(callback, state, dueTime, period), System.CreateTimer(callback, state, dueTime, period));

    private sealed class EitherTimer(ITimer onFakeTime, ITimer onRealTime) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => onFakeTime.Change(dueTime, period) & onRealTime.Change(dueTime, period);

        public void Dispose()
        {
            onFakeTime.Dispose();
            onRealTime.Dispose();
        }

        public async ValueTask DisposeAsync()
        {
            await onFakeTime.DisposeAsync();
            await onRealTime.DisposeAsync();
        }
    }
}
