using CoordBot.Telegram.Delivery;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoordBot.Tests.Delivery;

/// <summary>The limits on a fake clock: every time is chosen by the test, nothing sleeps.</summary>
public sealed class SendThrottleTests
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(3);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private static SendThrottle Throttle(Action<DeliveryOptions>? change = null)
    {
        var options = new DeliveryOptions();
        change?.Invoke(options);
        return new SendThrottle(Options.Create(options));
    }

    /// <summary>Sends as soon as allowed, each answered after <see cref="Latency"/>; returns the start times.</summary>
    private List<DateTimeOffset> SendGreedily(SendThrottle throttle, Func<int, long> chatOf, TimeSpan duration)
    {
        var end = _clock.GetUtcNow() + duration;
        var starts = new List<DateTimeOffset>();
        var pending = new List<(SendTicket Ticket, DateTimeOffset AnsweredAt)>();
        for (var i = 0; ; i++)
        {
            var chat = chatOf(i);
            var now = _clock.GetUtcNow();
            SettleDue(now);
            var ready = Max(throttle.GlobalReadyAt(now), throttle.ChatReadyAt(chat, now));
            while (ready == DateTimeOffset.MaxValue || ready > now)
            {
                // Wait for the next answer or the slot, whichever comes first.
                var next = pending.Count > 0 ? pending.Min(p => p.AnsweredAt) : ready;
                _clock.SetUtcNow(ready < next ? ready : next);
                now = _clock.GetUtcNow();
                SettleDue(now);
                ready = Max(throttle.GlobalReadyAt(now), throttle.ChatReadyAt(chat, now));
            }

            if (now >= end)
            {
                return starts;
            }

            starts.Add(now);
            pending.Add((throttle.Reserve(chat, now), now + Latency));
        }

        void SettleDue(DateTimeOffset now)
        {
            foreach (var p in pending.Where(p => p.AnsweredAt <= now).ToList())
            {
                SendThrottle.Settle(p.Ticket, p.AnsweredAt);
                pending.Remove(p);
            }
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>The most sends whose Telegram-side arrival (start + latency) falls within any window.</summary>
    private static int MostInAnyWindow(List<DateTimeOffset> starts, TimeSpan window)
    {
        var arrivals = starts.Select(s => s + Latency).ToList();
        var most = 0;
        for (int i = 0, j = 0; j < arrivals.Count; j++)
        {
            while (arrivals[j] - arrivals[i] >= window)
            {
                i++;
            }

            most = Math.Max(most, j - i + 1);
        }

        return most;
    }

    [Fact]
    public void Fan_out_runs_at_the_overall_limit_and_never_above_it()
    {
        var throttle = Throttle();

        var starts = SendGreedily(throttle, i => -1_000_000 - i, TimeSpan.FromSeconds(20));

        Assert.InRange(starts.Count / 20.0, 29.0, 30.0);
        Assert.True(MostInAnyWindow(starts, TimeSpan.FromSeconds(1)) <= 30);
        var gaps = starts.Zip(starts.Skip(1), (a, b) => b - a);
        Assert.All(gaps, g => Assert.True(g >= TimeSpan.FromSeconds(0.9 / 30) - TimeSpan.FromTicks(1), $"burst: {g}"));
    }

    [Fact]
    public void A_group_gets_twenty_at_once_then_waits_a_minute_from_the_first_answer()
    {
        var throttle = Throttle();

        var starts = SendGreedily(throttle, _ => -100, TimeSpan.FromSeconds(150));

        Assert.Equal(60, starts.Count);
        Assert.True(MostInAnyWindow(starts, TimeSpan.FromMinutes(1)) <= 20);
        Assert.Equal(starts[0] + TimeSpan.FromMinutes(1) + Latency, starts[20]);
    }

    [Fact]
    public void A_private_chat_gets_a_short_burst_then_one_per_second()
    {
        var throttle = Throttle();

        var starts = SendGreedily(throttle, _ => 42, TimeSpan.FromSeconds(30));

        Assert.InRange(starts.Count, 28, 31);
        Assert.True(MostInAnyWindow(starts, TimeSpan.FromSeconds(3)) <= 3);
        Assert.True(starts[2] - starts[0] < TimeSpan.FromMilliseconds(100), "the first three go at once");
    }

    [Fact]
    public void The_next_slot_is_unknown_while_the_send_that_bounds_the_window_is_in_flight()
    {
        var window = new SendWindow(2, TimeSpan.FromSeconds(1));
        var now = _clock.GetUtcNow();
        var first = window.Reserve(now);
        window.Reserve(now);

        Assert.Equal(DateTimeOffset.MaxValue, window.NextSlot(now));

        SendWindow.Settle(first, now + TimeSpan.FromMilliseconds(250));
        Assert.Equal(now + TimeSpan.FromMilliseconds(1250), window.NextSlot(now));
    }

    [Fact]
    public void Retry_after_on_a_busy_chat_delays_that_chat_exactly_and_nobody_else()
    {
        var throttle = Throttle();
        var now = _clock.GetUtcNow();
        SendThrottle.Settle(throttle.Reserve(42, now), now);
        var second = throttle.Reserve(42, now + TimeSpan.FromMilliseconds(10));

        var global = throttle.TooManyRequests(second, TimeSpan.FromSeconds(7), now + TimeSpan.FromMilliseconds(20));

        Assert.False(global);
        Assert.Equal(now + TimeSpan.FromSeconds(7) + TimeSpan.FromMilliseconds(20), throttle.ChatReadyAt(42, now + TimeSpan.FromSeconds(1)));
        Assert.Equal(now + TimeSpan.FromSeconds(1), throttle.ChatReadyAt(43, now + TimeSpan.FromSeconds(1)));
        Assert.Equal(now + TimeSpan.FromSeconds(1), throttle.GlobalReadyAt(now + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Retry_after_on_a_chat_that_had_nothing_counted_is_the_overall_flood_limit_and_pauses_everyone()
    {
        var throttle = Throttle();
        var now = _clock.GetUtcNow();
        var ticket = throttle.Reserve(-100, now);

        var global = throttle.TooManyRequests(ticket, TimeSpan.FromSeconds(5), now);

        Assert.True(global);
        Assert.Equal(now + TimeSpan.FromSeconds(5), throttle.GlobalReadyAt(now + TimeSpan.FromSeconds(1)));
        Assert.Equal(now + TimeSpan.FromSeconds(5), throttle.ChatReadyAt(-100, now));
    }

    [Fact]
    public void Paid_broadcast_raises_the_overall_limit()
    {
        var throttle = Throttle(o => o.PaidBroadcast = true);

        var starts = SendGreedily(throttle, i => -1_000_000 - i, TimeSpan.FromSeconds(2));

        Assert.InRange(starts.Count / 2.0, 250, 1000);
        Assert.True(MostInAnyWindow(starts, TimeSpan.FromSeconds(1)) <= 1000);
    }

    [Fact]
    public void Configured_limits_are_used()
    {
        var throttle = Throttle(o =>
        {
            o.GlobalPerSecond = 10;
            o.GroupPerMinute = 5;
        });

        var starts = SendGreedily(throttle, _ => -7, TimeSpan.FromSeconds(61));

        Assert.Equal(10, starts.Count);
        Assert.True(starts[4] - starts[0] >= TimeSpan.FromSeconds(0.36), "10/s overall, spaced");
    }
    [Fact]
    public void A_new_sender_counts_the_group_minute_its_predecessor_used_and_waits_for_it()
    {
        // The dead sender sent a group its 20 messages in the last minute, the first of them 40 s ago.
        var now = _clock.GetUtcNow();
        var throttle = Throttle();
        for (var i = 0; i < 20; i++)
        {
            throttle.Remember(-100, now - TimeSpan.FromSeconds(40) + TimeSpan.FromSeconds(i));
        }

        Assert.Equal(now + TimeSpan.FromSeconds(20), throttle.ChatReadyAt(-100, now));
        Assert.Equal(now, throttle.ChatReadyAt(-200, now)); // another group has its own minute
    }

    [Fact]
    public void A_new_sender_counts_the_second_its_predecessor_used_against_the_bot_wide_limit()
    {
        var now = _clock.GetUtcNow();
        var remembered = Throttle();
        var fresh = Throttle();
        var perSecond = (int)Math.Floor(new DeliveryOptions().EffectiveGlobalPerSecond);
        for (var i = 0; i < perSecond; i++)
        {
            remembered.Remember(1000 + i, now - TimeSpan.FromMilliseconds(900) + TimeSpan.FromMilliseconds(i * 20));
        }

        Assert.Equal(now, fresh.GlobalReadyAt(now));
        Assert.True(remembered.GlobalReadyAt(now) > now, "a full second just spent by the last sender must not be spent again");
    }
}
