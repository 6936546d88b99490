using CoordBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoordBot.Telegram.Delivery;

/// <summary>
/// Sends the outbox. Chats are served in parallel, each chat strictly in the order its messages were
/// written; a 429 or a failure delays only the chat it concerns. Delivery is recorded right after
/// Telegram confirms it, so a restart re-sends at most the message that was in flight.
/// </summary>
public sealed class DeliveryService(
    IBotSender sender,
    SendThrottle throttle,
    UnitOfWork unitOfWork,
    OutboxSignal signal,
    TimeProvider time,
    IOptions<DeliveryOptions> options,
    ILogger<DeliveryService> logger) : BackgroundService
{
    private const int BatchSize = 2000;

    /// <summary>One round at a time: two rounds would both pick up the same pending rows and send them twice.</summary>
    private readonly SemaphoreSlim _round = new(1, 1);
    private static readonly TimeSpan IdleWait = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await DeliverDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox delivery round failed; retrying shortly");
                wait = TimeSpan.FromSeconds(5);
            }

            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await WaitAsync(wait, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Waits for a commit signal or until <paramref name="wait"/> has passed on the injected clock.</summary>
    private async Task WaitAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(wait, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stoppingToken);
        try
        {
            await signal.WaitAsync(Timeout.InfiniteTimeSpan, linked.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The time is up: look at the outbox again.
        }
    }

    /// <summary>Sends what is due; returns how long to wait before the next round (zero: go again now).</summary>
    public async Task<TimeSpan> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await _round.WaitAsync(cancellationToken);
        try
        {
            return await DeliverRoundAsync(cancellationToken);
        }
        finally
        {
            _round.Release();
        }
    }

    private async Task<TimeSpan> DeliverRoundAsync(CancellationToken cancellationToken)
    {
        List<OutboxMessage> pending;
        await using (var db = await unitOfWork.ReadAsync(cancellationToken))
        {
            pending = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.Status == OutboxStatus.Pending)
                .OrderBy(m => m.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
        }

        if (pending.Count == 0)
        {
            return IdleWait;
        }

        var now = time.GetUtcNow().UtcDateTime;
        // A chat whose first message is not yet due waits whole: order within a chat is kept.
        var chats = pending.GroupBy(m => m.ChatId).Select(g => g.ToList()).ToList();
        var ready = chats.Where(c => c[0].NextAttemptAt <= now).ToList();
        if (ready.Count > 0)
        {
            await Parallel.ForEachAsync(
                ready,
                new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrency, CancellationToken = cancellationToken },
                async (messages, ct) => await DeliverChatAsync(messages, ct));
            return TimeSpan.Zero;
        }

        var next = chats.Min(c => c[0].NextAttemptAt);
        return next - now;
    }

    private async Task DeliverChatAsync(List<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            if (message.NextAttemptAt > time.GetUtcNow().UtcDateTime)
            {
                return;
            }

            if (message.Kind != OutboxKind.AnswerCallback)
            {
                await throttle.WaitAsync(message.ChatId, cancellationToken);
            }

            int? telegramId;
            try
            {
                telegramId = await sender.SendAsync(message, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                var failure = DeliveryFailure.Classify(ex);
                if (failure.Kind == FailureKind.Moot)
                {
                    await MarkSentAsync(message.Id, null, cancellationToken);
                    continue;
                }

                await RecordFailureAsync(message, failure, cancellationToken);
                return;
            }

            await MarkSentAsync(message.Id, telegramId, cancellationToken);
        }
    }

    private Task MarkSentAsync(long id, int? telegramId, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var row = await db.OutboxMessages.SingleAsync(m => m.Id == id, ct);
            row.Status = OutboxStatus.Sent;
            row.TelegramMessageId = telegramId;
            row.SentAt = time.GetUtcNow().UtcDateTime;
            row.Attempts++;
            row.LastError = null;
            // The content is no longer needed once Telegram has it; documents can be large.
            row.DocumentContent = null;
        }, cancellationToken);

    private Task RecordFailureAsync(OutboxMessage message, DeliveryFailure failure, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var row = await db.OutboxMessages.SingleAsync(m => m.Id == message.Id, ct);
            var now = time.GetUtcNow().UtcDateTime;
            row.LastError = failure.Reason.Length > 500 ? failure.Reason[..500] : failure.Reason;
            switch (failure.Kind)
            {
                case FailureKind.RetryAfter:
                    row.NextAttemptAt = now + failure.RetryAfter;
                    logger.LogWarning("Telegram asked to wait {RetryAfter} before outbox {OutboxId} (chat {ChatId})", failure.RetryAfter, row.Id, row.ChatId);
                    break;
                case FailureKind.Transient when row.Attempts + 1 < options.Value.MaxAttempts:
                    row.Attempts++;
                    row.NextAttemptAt = now + DeliveryFailure.Backoff(row.Attempts, Random.Shared.NextDouble());
                    logger.LogWarning("Outbox {OutboxId} to chat {ChatId} failed ({Reason}); try {Attempt} of {MaxAttempts} at {NextAttemptAt:O}", row.Id, row.ChatId, row.LastError, row.Attempts, options.Value.MaxAttempts, row.NextAttemptAt);
                    break;
                default:
                    row.Attempts++;
                    row.Status = OutboxStatus.Failed;
                    logger.LogError("Outbox {OutboxId} to chat {ChatId} failed for good: {Reason}", row.Id, row.ChatId, row.LastError);
                    break;
            }
        }, cancellationToken);
}
