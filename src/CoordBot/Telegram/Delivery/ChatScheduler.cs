using CoordBot.Persistence;

namespace CoordBot.Telegram.Delivery;

/// <summary>
/// Which outbox message may go to Telegram now, and when the next one may: pure bookkeeping on the times
/// passed in (the pacing clock), so a test drives it with a fake clock and no network.
/// <para>
/// Each chat has a queue of messages in outbox order, with at most one in flight: its next message becomes
/// ready only after the previous outcome is <see cref="Complete"/>d, so per-chat order holds and a crash
/// repeats at most one message per chat. A priority queue holds the time each chat may send next under
/// <see cref="SendThrottle"/>'s limits; a chat waiting for its own limit (a group's 20 per minute, a
/// retry_after) delays no other chat.
/// </para>
/// <para>
/// Button answers are not messages: Telegram does not count them, and a pressed button must stop spinning
/// at once. They have a lane of their own per chat, beside its messages, so they never wait behind a
/// chat's backlog. A message whose moment has passed (<see cref="OutboxMessage.NotAfter"/>) is handed
/// out as expired, without taking a place under the limits, so a backlog of stale reminders costs no time.
/// </para>
/// Not thread-safe: the delivery loop owns it.
/// </summary>
public sealed class ChatScheduler(SendThrottle throttle)
{
    private readonly Dictionary<(long ChatId, bool Answers), Lane> _lanes = [];
    private readonly PriorityQueue<(Lane Lane, long Version), DateTimeOffset> _ready = new();

    /// <summary>Messages waiting or in flight.</summary>
    public int Queued { get; private set; }

    public int InFlight { get; private set; }

    /// <summary>
    /// Queues an outbox row behind what its chat already has. <paramref name="notBefore"/> and
    /// <paramref name="expiresAt"/> are on the pacing clock (MinValue: now; MaxValue: never).
    /// </summary>
    public void Add(OutboxMessage row, DateTimeOffset notBefore, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        var key = (row.ChatId, row.Kind == OutboxKind.AnswerCallback);
        if (!_lanes.TryGetValue(key, out var lane))
        {
            lane = new Lane(row.ChatId, key.Item2);
            _lanes[key] = lane;
        }

        lane.Messages.Enqueue(new ScheduledSend(row, lane) { NotBefore = notBefore, ExpiresAt = expiresAt });
        Queued++;
        if (lane.Messages.Count == 1 && !lane.InFlight)
        {
            Schedule(lane, now);
        }
    }

    /// <summary>
    /// Hands out, into <paramref name="started"/>, every message that may start now (marked in flight, its
    /// place under the limits reserved); returns when the next one may (MaxValue: at the next completion or load).
    /// </summary>
    public DateTimeOffset TakeReady(DateTimeOffset now, int maxConcurrency, ICollection<ScheduledSend> started)
    {
        while (_ready.TryPeek(out var entry, out var readyAt))
        {
            var lane = entry.Lane;
            if (entry.Version != lane.Version || lane.InFlight || lane.Messages.Count == 0)
            {
                _ready.Dequeue();
                continue;
            }

            if (readyAt > now)
            {
                return readyAt;
            }

            if (InFlight >= maxConcurrency)
            {
                return DateTimeOffset.MaxValue;
            }

            if (ReadyAt(lane, now) > now)
            {
                // Its limit moved since it was queued (a 429): queue it again at the new time.
                _ready.Dequeue();
                Schedule(lane, now);
                continue;
            }

            var head = lane.Messages.Peek();
            head.Expired = head.ExpiresAt <= now;
            if (head.CountsAgainstLimits && throttle.GlobalReadyAt(now) is var globalReady && globalReady > now)
            {
                return globalReady;
            }

            _ready.Dequeue();
            lane.InFlight = true;
            InFlight++;
            head.Ticket = head.CountsAgainstLimits ? throttle.Reserve(lane.ChatId, now) : null;
            started.Add(head);
        }

        return DateTimeOffset.MaxValue;
    }

    /// <summary>
    /// The outcome of <paramref name="send"/> is recorded: frees its chat and queues the chat's next message
    /// (or this one again after <see cref="SendResult.RetryIn"/>). True when a 429 paused every chat.
    /// </summary>
    public bool Complete(ScheduledSend send, SendResult result, DateTimeOffset now)
    {
        var lane = send.Lane;
        lane.InFlight = false;
        InFlight--;
        var pausedAll = false;
        if (send.Ticket is { } ticket)
        {
            if (result.TooManyRequests)
            {
                pausedAll = throttle.TooManyRequests(ticket, result.RetryIn ?? TimeSpan.Zero, result.AnsweredAt);
            }
            else
            {
                SendThrottle.Settle(ticket, result.AnsweredAt);
            }

            send.Ticket = null;
        }

        if (result.RetryIn is { } wait)
        {
            send.NotBefore = result.AnsweredAt + wait;
        }
        else
        {
            lane.Messages.Dequeue();
            Queued--;
        }

        _lanes.TryAdd((lane.ChatId, lane.Answers), lane);
        Schedule(lane, now);
        return pausedAll;
    }

    /// <summary>True while something is in flight or may be sent now (a message only waiting for its turn under the limits counts).</summary>
    public bool HasDueWork(DateTimeOffset now) =>
        _lanes.Values.Any(l => l.InFlight || (l.Messages.Count > 0 && l.Messages.Peek().NotBefore <= now));

    private void Schedule(Lane lane, DateTimeOffset now)
    {
        if (lane.Messages.Count == 0)
        {
            _lanes.Remove((lane.ChatId, lane.Answers));
            return;
        }

        lane.Version++;
        _ready.Enqueue((lane, lane.Version), ReadyAt(lane, now));
    }

    private DateTimeOffset ReadyAt(Lane lane, DateTimeOffset now)
    {
        var head = lane.Messages.Peek();
        var ready = head.NotBefore > now ? head.NotBefore : now;
        if (head.CountsAgainstLimits && head.ExpiresAt > now)
        {
            // Waiting for the chat's limit ends when the limit allows, or when the message expires anyway.
            var chatReady = throttle.ChatReadyAt(lane.ChatId, now);
            if (chatReady > ready)
            {
                ready = chatReady < head.ExpiresAt || head.ExpiresAt < ready ? chatReady : head.ExpiresAt;
            }
        }

        return ready;
    }

    internal sealed class Lane(long chatId, bool answers)
    {
        public long ChatId { get; } = chatId;

        public bool Answers { get; } = answers;

        public Queue<ScheduledSend> Messages { get; } = new();

        public bool InFlight { get; set; }

        public long Version { get; set; }
    }
}

/// <summary>One outbox row in its chat's queue; handed out by <see cref="ChatScheduler.TakeReady"/> when it may go.</summary>
public sealed class ScheduledSend
{
    internal ScheduledSend(OutboxMessage row, ChatScheduler.Lane lane)
    {
        Row = row;
        Lane = lane;
    }

    public OutboxMessage Row { get; }

    /// <summary>Its moment has passed: record it as expired, do not send it.</summary>
    public bool Expired { get; internal set; }

    /// <summary>Answering a button press, a dropped message: Telegram does not count them.</summary>
    public bool CountsAgainstLimits => Row.Kind != OutboxKind.AnswerCallback && !Expired;

    internal ChatScheduler.Lane Lane { get; }

    /// <summary>On the pacing clock: not before this (a retry_after, a backoff, a row due later).</summary>
    internal DateTimeOffset NotBefore { get; set; }

    internal DateTimeOffset ExpiresAt { get; init; }

    internal SendTicket? Ticket { get; set; }
}

/// <summary>What came of handing out a message, at <paramref name="AnsweredAt"/> on the pacing clock.</summary>
/// <param name="RetryIn">Null: done (sent, moot, expired or failed for good); otherwise try this message again after it.</param>
/// <param name="TooManyRequests">Telegram answered 429 (<paramref name="RetryIn"/> is its retry_after).</param>
public sealed record SendResult(DateTimeOffset AnsweredAt, TimeSpan? RetryIn = null, bool TooManyRequests = false);
