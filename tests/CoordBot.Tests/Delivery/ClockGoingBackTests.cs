using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoordBot.Tests.Sessions.SessionsTestKit;

namespace CoordBot.Tests.Delivery;

/// <summary>
/// A clock that goes back (a restore whose clock was ahead, a server clock corrected backwards) stalls no chat:
/// pacing never waits on a time recorded in the future.
/// </summary>
public sealed class ClockGoingBackTests
{
    private static readonly DateTime Now = new(2030, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Messages_queued_under_a_clock_six_hours_ahead_go_now_with_the_chats_new_replies_behind_them()
    {
        var (bot, _) = await StartAsync(("Delivery:PrivatePerSecond", "50"), ("Delivery:GlobalPerSecond", "500"));
        await using var __ = bot;
        var ahead = T0.UtcDateTime.AddHours(6);

        // As restored from a backup whose clock was six hours ahead: queued then, not yet sent.
        await bot.Services.GetRequiredService<UnitOfWork>().RunAsync((db, _) =>
        {
            var outbox = new Outbox(db, ahead);
            for (var n = 1; n <= 40; n++)
            {
                outbox.Send(EstHead, $"queued {n}");
            }

            return Task.CompletedTask;
        }, CancellationToken.None);
        bot.Send(EstHead, "/start");
        var reply = await bot.Emulator.WaitForMessageAsync(EstHead, m => m.Text?.StartsWith("queued ", StringComparison.Ordinal) == false, TimeSpan.FromMinutes(2));
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);

        var texts = bot.Emulator.MessagesIn(EstHead).Select(m => m.Text).ToList();
        Assert.Equal(Enumerable.Range(1, 40).Select(n => $"queued {n}"), texts.Where(t => t!.StartsWith("queued ", StringComparison.Ordinal)));
        Assert.True(texts.IndexOf("queued 40") < texts.IndexOf(reply.Text), "the chat's new reply comes after what was queued before it");
        Assert.Equal(0, await ReadAsync(bot, db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending)));
    }

    [Theory]
    [InlineData(null, 6 * 3600, 0)] // never tried: written by a clock six hours ahead, due now
    [InlineData(null, 30, 0)]
    [InlineData("429: Too Many Requests", 30, 30)] // told to wait: waits what is left
    [InlineData("500: Internal Server Error", -5, 0)] // its time has passed
    [InlineData("429: Too Many Requests", 6 * 3600, 3600)] // recorded in the future: never more than the longest wait
    public void A_row_read_back_waits_only_as_long_as_it_was_told_and_never_longer_than_the_longest_wait(string? lastError, int aheadSeconds, int waitSeconds)
    {
        var row = new OutboxMessage { NextAttemptAt = Now.AddSeconds(aheadSeconds), LastError = lastError, Attempts = lastError is null ? 0 : 1 };

        Assert.Equal(TimeSpan.FromSeconds(waitSeconds), RetryPolicy.WaitLeft(row, Now));
    }

    [Fact]
    public void The_pacing_clock_keeps_going_forward_when_the_wall_clock_is_set_back()
    {
        var wall = new SkewedClock(new DateTimeOffset(Now));
        var pacing = new DeliveryClock(wall).Time;
        var throttle = new SendThrottle(Microsoft.Extensions.Options.Options.Create(new DeliveryOptions()));
        var before = pacing.GetUtcNow();
        SendThrottle.Settle(throttle.Reserve(42, before), before);

        wall.Advance(TimeSpan.FromSeconds(2));
        wall.Skew = TimeSpan.FromHours(-3);

        Assert.Equal(before + TimeSpan.FromSeconds(2), pacing.GetUtcNow());
        Assert.Equal(pacing.GetUtcNow(), throttle.ChatReadyAt(42, pacing.GetUtcNow()));
    }

    /// <summary>A clock whose wall time can be set back while its monotonic timestamp runs on, as a corrected system clock does.</summary>
    private sealed class SkewedClock(DateTimeOffset start) : TimeProvider
    {
        private long _elapsedTicks;

        public TimeSpan Skew { get; set; }

        public void Advance(TimeSpan by) => _elapsedTicks += by.Ticks;

        public override DateTimeOffset GetUtcNow() => start + TimeSpan.FromTicks(_elapsedTicks) + Skew;

        public override long GetTimestamp() => _elapsedTicks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    }
}
