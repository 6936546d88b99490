using System.Collections.Concurrent;
using System.Threading.Channels;
using CoordBot.Persistence;
using CoordBot.Cluster;
using Microsoft.Extensions.Options;

namespace CoordBot.Telegram.Delivery;

/// <summary>
/// Sends the outbox as fast as Telegram's limits allow and no faster. A loop that reads new rows
/// (<see cref="OutboxReader"/>) into the <see cref="ChatScheduler"/>, starts what it hands out as
/// <see cref="DeliveryAttempt"/>s (which use the <see cref="RetryPolicy"/> and record through
/// <see cref="DeliveryJournal"/>), feeds their results back, and sleeps until the next message is due,
/// a commit to the outbox or a result. The loop alone touches the scheduler.
/// With several instances only the elected sender (<see cref="Leadership.Sender"/>) runs the loop, so Telegram's
/// bot-wide and per-chat limits are kept in one place; the others only write the outbox. Each term as sender starts
/// afresh from the outbox (what the last sender had claimed is sent again: the at-least-once window), with Telegram's
/// limits counted from the sends the outbox recorded in the last minute, whichever instance made them: a new sender
/// does not spend again the second (or a group's minute) the dead one had already used, which Telegram would answer
/// with 429.
/// </summary>
public sealed class DeliveryService(
    LeaderElection election,
    IBotSender sender,
    IChatLifecycle lifecycle,
    OutboxReader reader,
    RetryPolicy policy,
    UnitOfWork unitOfWork,
    OutboxSignal signal,
    DeliveryStatus status,
    DeliveryClock pacingClock,
    TimeProvider time,
    IOptions<DeliveryOptions> options,
    ILogger<DeliveryService> logger,
    Operations.Metrics.CoordBotMetrics metrics) : BackgroundService
{
    private const int LoadBatch = 5000;
    private const int MaxQueued = 50_000;
    private static readonly TimeSpan IdleWait = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _pacing = pacingClock.Time;
    /// <summary>The longest of Telegram's windows (a group's 20 messages per minute): what a new term counts back.</summary>
    private static readonly TimeSpan LimitsLookBack = TimeSpan.FromMinutes(1);

    private ChatScheduler _scheduler = new(new SendThrottle(options));
    private readonly Channel<(ScheduledSend Send, SendResult Result)> _results = Channel.CreateUnbounded<(ScheduledSend, SendResult)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<long, Task> _sends = new();
    private readonly CancellationTokenSource _abort = new();
    private long _lastLoadedId;
    private bool _moreToLoad;
    private volatile bool _running;
    private volatile bool _dead;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Requests in flight may finish and be recorded; only if the host's shutdown timeout passes are
        // they cut off (their rows stay claimed and are sent again after the restart).
        using var registration = cancellationToken.Register(_abort.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        // Disposed while running (the process is going down): write nothing more, as after a crash.
        _dead = _running;
        _abort.Cancel();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => election.LeadAsync(Leadership.Sender, SendAsync, stoppingToken);

    /// <summary>One term as the sender: until <paramref name="stoppingToken"/> (the host stops or the role is lost).</summary>
    private async Task SendAsync(CancellationToken stoppingToken)
    {
        // A term begins with nothing of an earlier one: the outbox is read again from its first pending row.
        _scheduler = new ChatScheduler(await CountRecentSendsAsync(stoppingToken));
        _lastLoadedId = 0;
        _moreToLoad = false;
        while (_results.Reader.TryRead(out _))
        {
        }

        var journal = new DeliveryJournal(unitOfWork, logger, () => _dead, election.FenceOf(Leadership.Sender), election.Superseded);
        var journalTask = Task.Run(journal.RunAsync, CancellationToken.None);
        var attempt = new DeliveryAttempt(sender, lifecycle, reader, policy, journal, metrics, time, _pacing, logger, () => _dead);
        _running = true;
        status.Running = true;
        try
        {
            var claimed = await reader.ReadClaimedAsync(stoppingToken);
            status.RecoveredInFlight = claimed.Count;
            if (claimed.Count > 0)
            {
                logger.LogWarning("{Count} outbox messages were being sent when the bot stopped (ids {Ids}); they are sent again and may arrive twice", claimed.Count, string.Join(", ", claimed.Take(20)));
            }

            signal.Notify(); // read what is already pending
            await RunAsync(attempt, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            _running = false;
            await Task.WhenAll(_sends.Values);
            journal.Complete();
            await journalTask;
            status.Stopped();
        }
    }

    /// <summary>A throttle that already counts the last minute's sends, on the pacing clock (their ages, not their stamps).</summary>
    private async Task<SendThrottle> CountRecentSendsAsync(CancellationToken cancellationToken)
    {
        var throttle = new SendThrottle(options);
        var now = time.GetUtcNow().UtcDateTime;
        var pacingNow = _pacing.GetUtcNow();
        foreach (var (chatId, at) in await reader.ReadRecentSendsAsync(now - LimitsLookBack, cancellationToken))
        {
            // A stamp ahead of this clock (another machine's) counts as now, never as a slot in the future.
            throttle.Remember(chatId, pacingNow - (now - (at < now ? at : now)));
        }

        return throttle;
    }

    private async Task RunAsync(DeliveryAttempt attempt, CancellationToken stoppingToken)
    {
        var started = new List<ScheduledSend>();
        while (true)
        {
            stoppingToken.ThrowIfCancellationRequested();
            var someoneWaits = status.Arm();
            if (signal.Consume() || (_moreToLoad && _scheduler.Queued < LoadBatch / 2))
            {
                try
                {
                    await LoadAsync(stoppingToken);
                }
                catch (Cluster.TermSupersededException ex)
                {
                    // Another instance is the sender now: this term ends here, having claimed nothing.
                    election.Superseded(ex.Fence);
                    stoppingToken.ThrowIfCancellationRequested();
                    throw;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Reading the outbox failed; trying again in {Pause}", DeliveryAttempt.TroublePause);
                    await WaitAsync(_pacing.GetUtcNow() + DeliveryAttempt.TroublePause, stoppingToken);
                    signal.Notify();
                    continue;
                }
            }

            while (_results.Reader.TryRead(out var done))
            {
                if (_scheduler.Complete(done.Send, done.Result, _pacing.GetUtcNow()))
                {
                    logger.LogWarning("Telegram's overall flood limit: all sending paused for {RetryAfter}", done.Result.RetryIn);
                }
            }

            var now = _pacing.GetUtcNow();
            var wakeAt = _scheduler.TakeReady(now, options.Value.MaxConcurrency, started);
            foreach (var send in started)
            {
                Start(attempt, send);
            }

            started.Clear();
            status.Publish(_scheduler.Queued, _scheduler.InFlight);
            if (someoneWaits && _scheduler.InFlight == 0 && wakeAt > now && !_scheduler.HasDueWork(now) && !signal.Signalled.IsCompleted)
            {
                status.Idle(wakeAt == DateTimeOffset.MaxValue ? IdleWait : wakeAt - now);
            }

            if (wakeAt > now)
            {
                await WaitAsync(wakeAt, stoppingToken);
            }
        }
    }

    private void Start(DeliveryAttempt attempt, ScheduledSend send)
    {
        var id = send.Row.Id;
        _sends[id] = Task.Run(async () =>
        {
            try
            {
                _results.Writer.TryWrite((send, await attempt.RunAsync(send, _abort.Token)));
            }
            finally
            {
                _sends.TryRemove(id, out _);
            }
        }, CancellationToken.None);
    }

    /// <summary>Sleeps until <paramref name="wakeAt"/>, a commit to the outbox, or a result.</summary>
    private async Task WaitAsync(DateTimeOffset wakeAt, CancellationToken stoppingToken)
    {
        var delay = wakeAt - _pacing.GetUtcNow();
        if ((_moreToLoad && _scheduler.Queued < LoadBatch / 2) || delay <= TimeSpan.Zero)
        {
            return;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var result = _results.Reader.WaitToReadAsync(wait.Token).AsTask();
        var timer = Task.Delay(delay > IdleWait ? IdleWait : delay, _pacing, wait.Token);
        await Task.WhenAny(signal.Signalled, result, timer);
        await wait.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (_scheduler.Queued >= MaxQueued)
        {
            _moreToLoad = true;
            return;
        }

        var rows = election.FenceOf(Leadership.Sender) is { } fence
            ? await reader.ClaimPendingAsync(fence, LoadBatch, cancellationToken)
            : await reader.ReadPendingAsync(_lastLoadedId, LoadBatch, cancellationToken);
        _moreToLoad = rows.Count == LoadBatch;
        if (rows.Count == 0)
        {
            return;
        }

        _lastLoadedId = rows[^1].Id;
        var appNow = time.GetUtcNow();
        var now = _pacing.GetUtcNow();
        foreach (var row in rows)
        {
            // A row's times are on the bot's clock; the scheduler runs on the pacing clock.
            var wait = RetryPolicy.WaitLeft(row, appNow.UtcDateTime);
            var notBefore = wait > TimeSpan.Zero ? now + wait : DateTimeOffset.MinValue;
            var expiresAt = row.NotAfter is { } notAfter ? OnPacingClock(notAfter, appNow, now, ifPast: now) : DateTimeOffset.MaxValue;
            _scheduler.Add(row, notBefore, expiresAt, now);
        }
    }

    private static DateTimeOffset OnPacingClock(DateTime utc, DateTimeOffset appNow, DateTimeOffset pacingNow, DateTimeOffset ifPast)
    {
        var ahead = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) - appNow;
        return ahead <= TimeSpan.Zero ? ifPast
            : ahead > DateTimeOffset.MaxValue - pacingNow ? DateTimeOffset.MaxValue
            : pacingNow + ahead;
    }
}
