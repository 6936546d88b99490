using System.Collections.Concurrent;
using System.Threading.Channels;
using CoordBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoordBot.Telegram.Delivery;

/// <summary>
/// Sends the outbox as fast as Telegram's limits allow and no faster.
/// <para>
/// One scheduler loop owns the state: a queue per chat (loaded from the outbox, in the order the rows
/// were written), a priority queue of the time each chat may send next, and the limits
/// (<see cref="SendThrottle"/>). Whenever the chat at the top is ready and the bot-wide window has room,
/// its first message is handed to a send task and the loop goes on; a chat waiting for its own limit
/// (a group's 20 per minute, a retry_after) holds no worker and delays no other chat. A chat has at most
/// one message in flight, and its next one becomes ready only after the previous outcome is committed,
/// so per-chat order holds and a crash repeats at most the one message per chat that was in flight.
/// </para>
/// <para>
/// At least once: before a request, the row is claimed (ClaimedAt, committed); right after Telegram
/// answers, the outcome is committed and the claim cleared (both group-committed by <see cref="DeliveryJournal"/>).
/// A row still claimed at start was in flight when the process died: it is sent again, and may arrive twice.
/// </para>
/// </summary>
public sealed class DeliveryService(
    IBotSender sender,
    SendThrottle throttle,
    UnitOfWork unitOfWork,
    OutboxSignal signal,
    TimeProvider time,
    IOptions<DeliveryOptions> options,
    ILogger<DeliveryService> logger,
    CoordBot.Operations.Metrics.CoordBotMetrics metrics,
    DeliveryClock? pacingClock = null) : BackgroundService
{
    private const int LoadBatch = 5000;
    private const int MaxQueued = 50_000;
    private static readonly TimeSpan IdleWait = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan TroublePause = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _pacing = (pacingClock ?? DeliveryClock.System).Time;
    private readonly Dictionary<long, ChatQueue> _chats = [];
    private readonly PriorityQueue<(ChatQueue Chat, long Version), DateTimeOffset> _ready = new();
    private readonly Channel<Completion> _completions = Channel.CreateUnbounded<Completion>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentQueue<TaskCompletionSource<TimeSpan>> _idleRequests = new();
    private readonly List<TaskCompletionSource<TimeSpan>> _armed = [];
    private readonly ConcurrentDictionary<long, Task> _sends = new();
    private readonly CancellationTokenSource _abort = new();
    private DeliveryJournal? _journal;
    private long _lastLoadedId;
    private bool _moreToLoad;
    private int _queued;
    private int _inFlight;
    private volatile bool _running;
    private volatile bool _dead;

    /// <summary>Rows found claimed (in flight when the process stopped) at start; they are sent again.</summary>
    public int RecoveredInFlight { get; private set; }

    /// <summary>Requests cut off by a stop that took too long or by disposal; their rows stay claimed.</summary>
    public int Aborted => _aborted;

    private int _aborted;

    /// <summary>
    /// Lets the scheduler read the outbox and completes when nothing is in flight and nothing can be sent
    /// right now; returns the time until the next message becomes ready (a minute if none is waiting).
    /// </summary>
    public async Task<TimeSpan> DeliverDueAsync(CancellationToken cancellationToken)
    {
        if (!_running)
        {
            throw new InvalidOperationException("The delivery service is not running.");
        }

        var request = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        _idleRequests.Enqueue(request);
        signal.Notify();
        using var registration = cancellationToken.Register(() => request.TrySetCanceled(cancellationToken));
        return await request.Task;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Requests in flight are allowed to finish and be recorded; only if the host's shutdown timeout
        // passes are they cut off (their rows stay claimed and are sent again after the restart).
        using var registration = cancellationToken.Register(() => _abort.Cancel());
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        if (_running)
        {
            // Disposed while running (the process is going down): write nothing more, as after a crash.
            _dead = true;
        }

        _abort.Cancel();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _journal = new DeliveryJournal(unitOfWork, logger, () => _dead);
        var journalTask = Task.Run(_journal.RunAsync, CancellationToken.None);
        _running = true;
        try
        {
            await RecoverAsync(stoppingToken);
            signal.Notify(); // read what is already pending
            await RunLoopAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            _running = false;
            await Task.WhenAll(_sends.Values);
            _journal.Complete();
            await journalTask;
            foreach (var request in _armed.Concat(_idleRequests))
            {
                request.TrySetCanceled();
            }
        }
    }

    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        await using var db = await unitOfWork.ReadAsync(cancellationToken);
        var claimed = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.ClaimedAt != null)
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .ToListAsync(cancellationToken);
        RecoveredInFlight = claimed.Count;
        if (claimed.Count > 0)
        {
            logger.LogWarning(
                "{Count} outbox messages were being sent when the bot stopped (ids {Ids}); they are sent again and may arrive twice",
                claimed.Count,
                string.Join(", ", claimed.Take(20)));
        }
    }

    private async Task RunLoopAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            stoppingToken.ThrowIfCancellationRequested();
            while (_idleRequests.TryDequeue(out var request))
            {
                _armed.Add(request);
            }

            if (signal.Consume() || (_moreToLoad && _queued < LoadBatch / 2))
            {
                try
                {
                    await LoadAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Reading the outbox failed; trying again in {Pause}", TroublePause);
                    await WaitAsync(_pacing.GetUtcNow() + TroublePause, stoppingToken);
                    signal.Notify();
                    continue;
                }
            }

            while (_completions.Reader.TryRead(out var completion))
            {
                Apply(completion);
            }

            var now = _pacing.GetUtcNow();
            var wakeAt = Dispatch(now);
            // Idle for a caller of DeliverDueAsync: nothing in flight and nothing due, except what waits for a
            // retry_after or a backoff. A message only waiting for its turn under the limits is still due.
            if (_armed.Count > 0 && _inFlight == 0 && wakeAt > now && !HasDueWork(now) && !signal.Signalled.IsCompleted)
            {
                var until = wakeAt == DateTimeOffset.MaxValue ? IdleWait : wakeAt - now;
                foreach (var request in _armed)
                {
                    request.TrySetResult(until);
                }

                _armed.Clear();
            }

            if (wakeAt > now)
            {
                await WaitAsync(wakeAt, stoppingToken);
            }
        }
    }

    /// <summary>Sleeps until <paramref name="wakeAt"/>, a commit to the outbox, or a send's completion.</summary>
    private async Task WaitAsync(DateTimeOffset wakeAt, CancellationToken stoppingToken)
    {
        if (_moreToLoad && _queued < LoadBatch / 2)
        {
            return;
        }

        var now = _pacing.GetUtcNow();
        var delay = wakeAt == DateTimeOffset.MaxValue || wakeAt - now > IdleWait ? IdleWait : wakeAt - now;
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var completion = _completions.Reader.WaitToReadAsync(wait.Token).AsTask();
        var timer = Task.Delay(delay, _pacing, wait.Token);
        await Task.WhenAny(signal.Signalled, completion, timer);
        await wait.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (_queued >= MaxQueued)
        {
            _moreToLoad = true;
            return;
        }

        List<OutboxMessage> rows;
        await using (var db = await unitOfWork.ReadAsync(cancellationToken))
        {
            // Ids grow in commit order (one writer at a time), so "above the last one seen" finds every new row.
            rows = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.Status == OutboxStatus.Pending && m.Id > _lastLoadedId)
                .OrderBy(m => m.Id)
                .Take(LoadBatch)
                .Select(m => new OutboxMessage
                {
                    // Everything but a document's bytes, which are read only when it is sent.
                    Id = m.Id,
                    ChatId = m.ChatId,
                    Kind = m.Kind,
                    Text = m.Text,
                    Buttons = m.Buttons,
                    DocumentName = m.DocumentName,
                    TargetMessageId = m.TargetMessageId,
                    CallbackQueryId = m.CallbackQueryId,
                    CreatedAt = m.CreatedAt,
                    Status = m.Status,
                    Attempts = m.Attempts,
                    NextAttemptAt = m.NextAttemptAt,
                    LastError = m.LastError,
                    ClaimedAt = m.ClaimedAt,
                })
                .ToListAsync(cancellationToken);
        }

        _moreToLoad = rows.Count == LoadBatch;
        if (rows.Count == 0)
        {
            return;
        }

        _lastLoadedId = rows[^1].Id;
        var appNow = time.GetUtcNow().UtcDateTime;
        var now = _pacing.GetUtcNow();
        foreach (var row in rows)
        {
            if (!_chats.TryGetValue(row.ChatId, out var chat))
            {
                chat = new ChatQueue(row.ChatId);
                _chats[row.ChatId] = chat;
            }

            // The row's due time is on the bot's clock; the scheduler waits on the pacing clock.
            var due = DateTime.SpecifyKind(row.NextAttemptAt, DateTimeKind.Utc);
            var notBefore = due > appNow ? now + (due - appNow) : DateTimeOffset.MinValue;
            chat.Messages.Enqueue(new QueuedMessage(row) { NotBefore = notBefore });
            _queued++;
            if (chat.Messages.Count == 1 && !chat.InFlight)
            {
                Schedule(chat, now);
            }
        }
    }

    private void Schedule(ChatQueue chat, DateTimeOffset now)
    {
        if (chat.Messages.Count == 0)
        {
            _chats.Remove(chat.ChatId);
            return;
        }

        chat.Version++;
        _ready.Enqueue((chat, chat.Version), ReadyAt(chat, now));
    }

    private DateTimeOffset ReadyAt(ChatQueue chat, DateTimeOffset now)
    {
        var head = chat.Messages.Peek();
        var ready = head.NotBefore > now ? head.NotBefore : now;
        if (head.CountsAgainstLimits)
        {
            var chatReady = throttle.ChatReadyAt(chat.ChatId, now);
            if (chatReady > ready)
            {
                ready = chatReady;
            }
        }

        return ready;
    }

    private bool HasDueWork(DateTimeOffset now) =>
        _chats.Values.Any(c => c.InFlight || (c.Messages.Count > 0 && c.Messages.Peek().NotBefore <= now));

    /// <summary>Starts every send that may go now; returns when the next one may (MaxValue: at the next completion or signal).</summary>
    private DateTimeOffset Dispatch(DateTimeOffset now)
    {
        var maxConcurrency = options.Value.MaxConcurrency;
        while (_ready.TryPeek(out var entry, out var readyAt))
        {
            var chat = entry.Chat;
            if (entry.Version != chat.Version || chat.InFlight || chat.Messages.Count == 0)
            {
                _ready.Dequeue();
                continue;
            }

            if (readyAt > now)
            {
                return readyAt;
            }

            if (_inFlight >= maxConcurrency)
            {
                return DateTimeOffset.MaxValue;
            }

            var current = ReadyAt(chat, now);
            if (current > now)
            {
                // Its limit moved since it was queued (a 429): queue it again at the new time.
                _ready.Dequeue();
                Schedule(chat, now);
                continue;
            }

            var head = chat.Messages.Peek();
            if (head.CountsAgainstLimits)
            {
                var globalReady = throttle.GlobalReadyAt(now);
                if (globalReady > now)
                {
                    return globalReady;
                }
            }

            _ready.Dequeue();
            Start(chat, head, now);
        }

        return DateTimeOffset.MaxValue;
    }

    private void Start(ChatQueue chat, QueuedMessage message, DateTimeOffset now)
    {
        chat.InFlight = true;
        _inFlight++;
        var ticket = message.CountsAgainstLimits ? throttle.Reserve(chat.ChatId, now) : null;
        var id = message.Row.Id;
        _sends[id] = Task.Run(async () =>
        {
            try
            {
                await SendAsync(chat, message, ticket);
            }
            finally
            {
                _sends.TryRemove(id, out _);
            }
        }, CancellationToken.None);
    }

    private async Task SendAsync(ChatQueue chat, QueuedMessage message, SendTicket? ticket)
    {
        var journal = _journal!;
        var row = message.Row;
        try
        {
            await journal.ClaimAsync(row.Id, time.GetUtcNow().UtcDateTime);
            if (row.Kind == OutboxKind.Document && row.DocumentContent is null)
            {
                await using var db = await unitOfWork.ReadAsync(CancellationToken.None);
                row.DocumentContent = await db.OutboxMessages.Where(m => m.Id == row.Id).Select(m => m.DocumentContent).SingleAsync();
            }
        }
        catch (Exception ex)
        {
            if (!_dead)
            {
                logger.LogError(ex, "Could not claim outbox {OutboxId}; not sent, trying again in {Pause}", row.Id, TroublePause);
            }

            Post(new Completion(chat, message, ticket, _pacing.GetUtcNow(), Step.Wait, TroublePause));
            return;
        }

        int? telegramId = null;
        DeliveryFailure? failure = null;
        try
        {
            telegramId = await sender.SendAsync(row, _abort.Token);
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            // Cut off while stopping: it may or may not have reached Telegram. The claim stays.
            Interlocked.Increment(ref _aborted);
            Post(new Completion(chat, message, ticket, _pacing.GetUtcNow(), Step.Wait, TroublePause));
            return;
        }
        catch (Exception ex)
        {
            failure = DeliveryFailure.Classify(ex);
        }

        var answeredAt = _pacing.GetUtcNow();
        var (outcome, step, wait) = Decide(row, telegramId, failure);
        metrics.MessageSent(failure?.Kind, wait);
        try
        {
            await journal.RecordAsync(row.Id, outcome);
        }
        catch (Exception ex)
        {
            // It went out (or failed) but the record did not commit: the row stays claimed and pending,
            // so after a restart it is sent again. In this process it is treated as decided.
            if (!_dead)
            {
                logger.LogError(ex, "Could not record the delivery of outbox {OutboxId}; it may be sent again after a restart", row.Id);
            }
        }

        row.Attempts = outcome.Attempts;
        Post(new Completion(chat, message, ticket, answeredAt, step, wait, failure?.Kind == FailureKind.RetryAfter));
    }

    private (DeliveryOutcome Outcome, Step Step, TimeSpan Wait) Decide(OutboxMessage row, int? telegramId, DeliveryFailure? failure)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (failure is null || failure.Kind == FailureKind.Moot)
        {
            return (new DeliveryOutcome(OutboxStatus.Sent, row.Attempts + 1, row.NextAttemptAt, now, telegramId, null), Step.Done, TimeSpan.Zero);
        }

        var maxAttempts = options.Value.MaxAttempts;
        switch (failure.Kind)
        {
            case FailureKind.RetryAfter:
                logger.LogWarning("Telegram asked to wait {RetryAfter} before outbox {OutboxId} (chat {ChatId})", failure.RetryAfter, row.Id, row.ChatId);
                return (new DeliveryOutcome(OutboxStatus.Pending, row.Attempts, now + failure.RetryAfter, now, null, failure.Reason), Step.Wait, failure.RetryAfter);
            case FailureKind.Transient when row.Attempts + 1 < maxAttempts:
                var wait = DeliveryFailure.Backoff(row.Attempts + 1, Random.Shared.NextDouble());
                logger.LogWarning("Outbox {OutboxId} to chat {ChatId} failed ({Reason}); try {Attempt} of {MaxAttempts} in {Wait}", row.Id, row.ChatId, failure.Reason, row.Attempts + 1, maxAttempts, wait);
                return (new DeliveryOutcome(OutboxStatus.Pending, row.Attempts + 1, now + wait, now, null, failure.Reason), Step.Wait, wait);
            default:
                logger.LogError("Outbox {OutboxId} to chat {ChatId} failed for good: {Reason}", row.Id, row.ChatId, failure.Reason);
                return (new DeliveryOutcome(OutboxStatus.Failed, row.Attempts + 1, row.NextAttemptAt, now, null, failure.Reason), Step.Done, TimeSpan.Zero);
        }
    }

    private void Post(Completion completion) => _completions.Writer.TryWrite(completion);

    /// <summary>On the loop: the send's outcome is committed; free the chat and queue its next message.</summary>
    private void Apply(Completion c)
    {
        var chat = c.Chat;
        chat.InFlight = false;
        _inFlight--;
        if (c.Ticket is { } ticket)
        {
            if (c.TooManyRequests)
            {
                if (throttle.TooManyRequests(ticket, c.Wait, c.AnsweredAt))
                {
                    logger.LogWarning("Telegram's overall flood limit: all sending paused for {RetryAfter}", c.Wait);
                }
            }
            else
            {
                SendThrottle.Settle(ticket, c.AnsweredAt);
            }
        }

        if (c.Step == Step.Done)
        {
            chat.Messages.Dequeue();
            _queued--;
        }
        else
        {
            c.Message.NotBefore = c.AnsweredAt + c.Wait;
        }

        if (!_chats.ContainsKey(chat.ChatId) && chat.Messages.Count > 0)
        {
            _chats[chat.ChatId] = chat;
        }

        Schedule(chat, _pacing.GetUtcNow());
    }

    private enum Step
    {
        /// <summary>Sent, moot or failed for good: the chat moves on.</summary>
        Done,

        /// <summary>Try this message again after the wait; the chat waits with it.</summary>
        Wait,
    }

    private sealed record Completion(ChatQueue Chat, QueuedMessage Message, SendTicket? Ticket, DateTimeOffset AnsweredAt, Step Step, TimeSpan Wait, bool TooManyRequests = false);

    private sealed class ChatQueue(long chatId)
    {
        public long ChatId { get; } = chatId;

        public Queue<QueuedMessage> Messages { get; } = new();

        public bool InFlight { get; set; }

        public long Version { get; set; }
    }

    private sealed class QueuedMessage(OutboxMessage row)
    {
        public OutboxMessage Row { get; } = row;

        /// <summary>On the pacing clock: not before this (a retry_after, a backoff, a row due later).</summary>
        public DateTimeOffset NotBefore { get; set; }

        /// <summary>Answering a button press is not a message: Telegram does not count it.</summary>
        public bool CountsAgainstLimits => Row.Kind != OutboxKind.AnswerCallback;
    }
}
