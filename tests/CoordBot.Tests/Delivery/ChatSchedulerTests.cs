using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoordBot.Tests.Delivery;

/// <summary>The per-chat scheduler on a fake clock: what it hands out, and when, with no network and no sleeping.</summary>
public sealed class ChatSchedulerTests
{
    private const long Group = -100;
    private const long User = 42;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(50);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private long _nextId;

    private static ChatScheduler Scheduler(int groupPerMinute = 20) =>
        new(new SendThrottle(Options.Create(new DeliveryOptions { GroupPerMinute = groupPerMinute })));

    private OutboxMessage Row(long chatId, OutboxKind kind = OutboxKind.Text) => new() { Id = ++_nextId, ChatId = chatId, Kind = kind };

    private void Add(ChatScheduler scheduler, OutboxMessage row, DateTimeOffset? expiresAt = null) =>
        scheduler.Add(row, DateTimeOffset.MinValue, expiresAt ?? DateTimeOffset.MaxValue, _clock.GetUtcNow());

    private List<ScheduledSend> Take(ChatScheduler scheduler, out DateTimeOffset next)
    {
        var started = new List<ScheduledSend>();
        next = scheduler.TakeReady(_clock.GetUtcNow(), maxConcurrency: 32, started);
        return started;
    }

    /// <summary>Runs the scheduler as the delivery loop does, every send answered after <see cref="Latency"/>; returns (row id, start) in start order.</summary>
    private List<(long Id, DateTimeOffset At, bool Expired)> RunUntilEmpty(ChatScheduler scheduler, Func<ScheduledSend, SendResult>? answer = null)
    {
        var log = new List<(long, DateTimeOffset, bool)>();
        var inFlight = new List<(ScheduledSend Send, DateTimeOffset At)>();
        while (scheduler.Queued > 0)
        {
            var started = Take(scheduler, out var next);
            foreach (var send in started)
            {
                log.Add((send.Row.Id, _clock.GetUtcNow(), send.Expired));
                inFlight.Add((send, _clock.GetUtcNow() + Latency));
            }

            var firstAnswer = inFlight.Count > 0 ? inFlight.Min(f => f.At) : DateTimeOffset.MaxValue;
            _clock.SetUtcNow(next < firstAnswer ? next : firstAnswer);
            foreach (var done in inFlight.Where(f => f.At <= _clock.GetUtcNow()).ToList())
            {
                inFlight.Remove(done);
                scheduler.Complete(done.Send, answer?.Invoke(done.Send) ?? new SendResult(done.At), _clock.GetUtcNow());
            }
        }

        return log;
    }

    [Fact]
    public void A_chat_has_one_message_in_flight_and_keeps_its_order()
    {
        var scheduler = Scheduler();
        var rows = Enumerable.Range(0, 5).Select(_ => Row(User)).ToList();
        rows.ForEach(r => Add(scheduler, r));

        Assert.Single(Take(scheduler, out _));
        Assert.Empty(Take(scheduler, out var next));
        Assert.Equal(DateTimeOffset.MaxValue, next); // nothing more for this chat until the first is answered
    }

    [Fact]
    public void A_chats_messages_go_in_outbox_order()
    {
        var scheduler = Scheduler();
        var rows = Enumerable.Range(0, 5).Select(i => Row(i % 2 == 0 ? User : Group)).ToList();
        rows.ForEach(r => Add(scheduler, r));

        var log = RunUntilEmpty(scheduler);

        Assert.Equal(rows.Where(r => r.ChatId == User).Select(r => r.Id), log.Where(l => rows.Single(r => r.Id == l.Id).ChatId == User).Select(l => l.Id));
        Assert.Equal(rows.Where(r => r.ChatId == Group).Select(r => r.Id), log.Where(l => rows.Single(r => r.Id == l.Id).ChatId == Group).Select(l => l.Id));
    }

    [Fact]
    public void A_group_gets_at_most_its_limit_per_minute()
    {
        var scheduler = Scheduler(groupPerMinute: 20);
        for (var i = 0; i < 25; i++)
        {
            Add(scheduler, Row(Group));
        }

        var start = _clock.GetUtcNow();
        var log = RunUntilEmpty(scheduler);

        Assert.Equal(20, log.Count(l => l.At < start + TimeSpan.FromMinutes(1)));
        Assert.Equal(25, log.Count);
    }

    [Fact]
    public void A_button_answer_does_not_wait_behind_its_chats_backlog()
    {
        var scheduler = Scheduler(groupPerMinute: 20);
        for (var i = 0; i < 200; i++)
        {
            Add(scheduler, Row(Group));
        }

        var answer = Row(Group, OutboxKind.AnswerCallback);
        Add(scheduler, answer);
        var start = _clock.GetUtcNow();

        var log = RunUntilEmpty(scheduler);

        var answered = Assert.Single(log, l => l.Id == answer.Id);
        Assert.Equal(start, answered.At); // at once, beside the first message, not after ten minutes of them
        Assert.Equal(20, log.Count(l => l.Id != answer.Id && l.At < start + TimeSpan.FromMinutes(1))); // and it took no message's place
    }

    [Fact]
    public void A_message_whose_moment_passed_is_handed_out_as_expired_without_using_the_limit()
    {
        var scheduler = Scheduler(groupPerMinute: 20);
        var now = _clock.GetUtcNow();
        for (var i = 0; i < 20; i++)
        {
            Add(scheduler, Row(Group));
        }

        // A reminder for a session starting in 30 seconds, behind a minute's worth of the group's messages.
        var reminder = Row(Group);
        Add(scheduler, reminder, expiresAt: now + TimeSpan.FromSeconds(30));
        var after = Row(Group);
        Add(scheduler, after);

        var log = RunUntilEmpty(scheduler);

        var dropped = Assert.Single(log, l => l.Id == reminder.Id);
        Assert.True(dropped.Expired);
        Assert.True(dropped.At >= now + TimeSpan.FromSeconds(30));
        Assert.Equal(after.Id, log[^1].Id);
        Assert.False(log[^1].Expired);
        Assert.Equal(log.Select(l => l.Id).Order(), log.Select(l => l.Id)); // still in order
    }

    [Fact]
    public void A_retry_after_holds_that_chat_only_and_keeps_the_message_first()
    {
        var scheduler = Scheduler();
        var first = Row(User);
        var second = Row(User);
        var other = Row(User + 1);
        Add(scheduler, first);
        Add(scheduler, second);
        Add(scheduler, other);
        var start = _clock.GetUtcNow();
        var refusedOnce = false;

        var log = RunUntilEmpty(scheduler, send =>
        {
            if (send.Row.Id == first.Id && !refusedOnce)
            {
                refusedOnce = true;
                return new SendResult(_clock.GetUtcNow(), TimeSpan.FromSeconds(7), TooManyRequests: true);
            }

            return new SendResult(_clock.GetUtcNow());
        });

        Assert.Equal([first.Id, other.Id, first.Id, second.Id], log.Select(l => l.Id));
        Assert.True(log[1].At < start + TimeSpan.FromSeconds(1)); // the other chat did not wait
        Assert.True(log[2].At >= start + Latency + TimeSpan.FromSeconds(7));
    }

    [Fact]
    public void No_more_than_the_concurrency_limit_is_in_flight()
    {
        var scheduler = Scheduler();
        for (var chat = 1; chat <= 10; chat++)
        {
            Add(scheduler, Row(chat));
        }

        var started = new List<ScheduledSend>();
        for (var turn = 0; turn < 10; turn++)
        {
            scheduler.TakeReady(_clock.GetUtcNow(), maxConcurrency: 4, started);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(4, started.Count);
        Assert.Equal(4, scheduler.InFlight);
        Assert.Equal(DateTimeOffset.MaxValue, scheduler.TakeReady(_clock.GetUtcNow(), maxConcurrency: 4, started));
    }
}
