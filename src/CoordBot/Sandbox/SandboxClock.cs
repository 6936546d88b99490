using System.Globalization;

namespace CoordBot.Sandbox;

/// <summary>
/// The sandbox's clock: another clock (the system's) plus an offset that only ever grows, moved from the sandbox
/// page so a reminder or a silence deadline can be watched firing. Timers are kept on sandbox time: when the
/// clock moves, every pending timer is re-armed for what is left, so a wait that the jump skipped ends at once.
/// The offset is kept in a file beside the database, so time never goes backwards for the bot after a restart.
/// Registered only in sandbox mode.
/// </summary>
public sealed class SandboxClock : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly string? _offsetFile;
    private readonly Lock _gate = new();
    private readonly HashSet<SandboxTimer> _timers = [];
    private TimeSpan _offset;

    public SandboxClock(TimeProvider inner, string? offsetFile)
    {
        _inner = inner;
        _offsetFile = offsetFile;
        if (offsetFile is not null && File.Exists(offsetFile)
            && long.TryParse(File.ReadAllText(offsetFile).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks) && ticks > 0)
        {
            _offset = TimeSpan.FromTicks(ticks);
        }
    }

    /// <summary>How far the sandbox is ahead of the real clock.</summary>
    public TimeSpan Offset
    {
        get
        {
            lock (_gate)
            {
                return _offset;
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override long TimestampFrequency => _inner.TimestampFrequency;

    // Elapsed-time measurements stay real: moving the clock is not time spent.
    public override long GetTimestamp() => _inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SandboxTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>
    /// Moves the clock forward. <paramref name="beforeTimers"/> runs after the move and before the timers wake, so a
    /// scheduler can be told about the jump before its own wait ends.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan by, Func<CancellationToken, Task>? beforeTimers, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(by, TimeSpan.Zero);
        lock (_gate)
        {
            _offset += by;
            if (_offsetFile is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_offsetFile))!);
                File.WriteAllText(_offsetFile, _offset.Ticks.ToString(CultureInfo.InvariantCulture));
            }
        }

        if (beforeTimers is not null)
        {
            await beforeTimers(cancellationToken);
        }

        SandboxTimer[] pending;
        lock (_gate)
        {
            pending = [.. _timers];
        }

        foreach (var timer in pending)
        {
            timer.Rearm();
        }
    }

    private void Track(SandboxTimer timer, bool active)
    {
        lock (_gate)
        {
            if (active)
            {
                _timers.Add(timer);
            }
            else
            {
                _timers.Remove(timer);
            }
        }
    }

    /// <summary>A timer whose due time is an instant on the sandbox clock, backed by a timer on the inner clock.</summary>
    private sealed class SandboxTimer : ITimer
    {
        private readonly SandboxClock _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private readonly ITimer _backing;
        private readonly Lock _gate = new();
        private DateTimeOffset? _dueAt;
        private TimeSpan _period = Timeout.InfiniteTimeSpan;
        private bool _disposed;

        public SandboxTimer(SandboxClock clock, TimerCallback callback, object? state)
        {
            _clock = clock;
            _callback = callback;
            _state = state;
            _backing = clock._inner.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return false;
                }

                _period = period;
                _dueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _clock.GetUtcNow() + dueTime;
                _clock.Track(this, _dueAt is not null);
                return _backing.Change(dueTime == Timeout.InfiniteTimeSpan ? dueTime : Max(dueTime), Timeout.InfiniteTimeSpan);
            }
        }

        public void Rearm()
        {
            lock (_gate)
            {
                if (!_disposed && _dueAt is { } due)
                {
                    _backing.Change(Max(due - _clock.GetUtcNow()), Timeout.InfiniteTimeSpan);
                }
            }
        }

        private void Fire()
        {
            lock (_gate)
            {
                if (_disposed || _dueAt is not { } due)
                {
                    return;
                }

                var early = due - _clock.GetUtcNow();
                if (early > TimeSpan.Zero)
                {
                    _backing.Change(early, Timeout.InfiniteTimeSpan);
                    return;
                }

                var periodic = _period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero;
                _dueAt = periodic ? _clock.GetUtcNow() + _period : null;
                if (periodic)
                {
                    _backing.Change(_period, Timeout.InfiniteTimeSpan);
                }
                else
                {
                    _clock.Track(this, false);
                }
            }

            _callback(_state);
        }

        private static TimeSpan Max(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait;

        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
                _dueAt = null;
                _clock.Track(this, false);
            }

            _backing.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
