namespace CoordBot.Telegram.Delivery;

/// <summary>
/// One message the scheduler handed out, at least once: the row is claimed (committed) before the request,
/// and the outcome recorded and the claim cleared right after Telegram answers. A row still claimed at
/// start was in flight when the process died: it is sent again, and may arrive twice.
/// </summary>
internal sealed class DeliveryAttempt(
    IBotSender sender,
    IChatLifecycle lifecycle,
    OutboxReader reader,
    RetryPolicy policy,
    DeliveryJournal journal,
    Operations.Metrics.CoordBotMetrics metrics,
    TimeProvider time,
    TimeProvider pacing,
    ILogger logger,
    Func<bool> dead)
{
    /// <summary>How long to leave a message alone when its own bookkeeping failed.</summary>
    public static readonly TimeSpan TroublePause = TimeSpan.FromSeconds(5);

    /// <summary>Never throws: whatever happens becomes the result the scheduler needs.</summary>
    public async Task<SendResult> RunAsync(ScheduledSend send, CancellationToken abort)
    {
        var row = send.Row;
        using var activity = Operations.Metrics.CoordBotTracing.StartSend(row);
        if (send.Expired)
        {
            Operations.Metrics.CoordBotTracing.Outcome(activity, "expired");
            logger.LogInformation("Outbox {OutboxId} to chat {ChatId} dropped: its moment passed at {NotAfter}", row.Id, row.ChatId, row.NotAfter);
            return await RecordAsync(send, RetryPolicy.Expire(row, time.GetUtcNow().UtcDateTime), tooManyRequests: false);
        }

        try
        {
            await journal.ClaimAsync(row.Id, time.GetUtcNow().UtcDateTime);
            if (row.Kind == Persistence.OutboxKind.Document && row.DocumentContent is null && row.DocumentFileId is null)
            {
                row.DocumentContent = await reader.ReadDocumentAsync(row.Id, CancellationToken.None);
            }
        }
        catch (Exception ex)
        {
            Operations.Metrics.CoordBotTracing.Outcome(activity, "unclaimed");
            if (!dead() && ex is not Cluster.TermSupersededException)
            {
                logger.LogError(ex, "Could not claim outbox {OutboxId}; not sent, trying again in {Pause}", row.Id, TroublePause);
            }

            return new SendResult(pacing.GetUtcNow(), TroublePause);
        }

        int? telegramId = null;
        DeliveryFailure? failure = null;
        try
        {
            telegramId = await sender.SendAsync(row, abort);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // Cut off while stopping: it may or may not have reached Telegram. The claim stays.
            return new SendResult(pacing.GetUtcNow(), TroublePause);
        }
        catch (Exception ex)
        {
            failure = DeliveryFailure.Classify(ex);
        }

        failure = await FollowAsync(row, failure);

        var decision = policy.Decide(row, telegramId, failure, time.GetUtcNow().UtcDateTime, Random.Shared.NextDouble());
        Log(row, failure, decision);
        Operations.Metrics.CoordBotTracing.Outcome(activity, metrics.MessageSent(failure?.Kind, failure?.RetryAfter ?? TimeSpan.Zero));
        return await RecordAsync(send, decision, failure?.Kind == FailureKind.RetryAfter);
    }

    /// <summary>
    /// Telegram's group life cycle, learnt from a refusal: a group that became a supergroup is followed (its link and
    /// every pending message move there, this one included, so it is sent there next, once); a chat lost to the bot
    /// is reported. If that bookkeeping fails, the message is treated as an ordinary passing failure.
    /// </summary>
    private async Task<DeliveryFailure?> FollowAsync(Persistence.OutboxMessage row, DeliveryFailure? failure)
    {
        if (failure is null || (failure.MigrateToChatId is null && failure.Loss is null))
        {
            return failure;
        }

        try
        {
            if (failure.MigrateToChatId is { } supergroup)
            {
                await lifecycle.MigratedAsync(row.ChatId, supergroup, CancellationToken.None);
                logger.LogWarning("Chat {ChatId} became supergroup {NewChatId}; its link and pending messages moved there", row.ChatId, supergroup);
                row.ChatId = supergroup;
            }
            else if (failure.Loss is { } loss)
            {
                await lifecycle.LostAsync(row.ChatId, loss, CancellationToken.None);
            }

            return failure;
        }
        catch (Exception ex)
        {
            if (!dead())
            {
                logger.LogError(ex, "Following the change of chat {ChatId} failed", row.ChatId);
            }

            return failure.MigrateToChatId is null ? failure : new DeliveryFailure(FailureKind.Transient, failure.Reason, TimeSpan.Zero);
        }
    }

    private async Task<SendResult> RecordAsync(ScheduledSend send, DeliveryDecision decision, bool tooManyRequests)
    {
        var answeredAt = pacing.GetUtcNow();
        try
        {
            await journal.RecordAsync(send.Row.Id, decision.Outcome);
        }
        catch (Exception ex)
        {
            // It went out (or failed) but the record did not commit: the row stays claimed and pending,
            // so after a restart it is sent again. In this process it is treated as decided.
            if (!dead())
            {
                logger.LogError(ex, "Could not record the delivery of outbox {OutboxId}; it may be sent again after a restart", send.Row.Id);
            }
        }

        send.Row.Attempts = decision.Outcome.Attempts;
        return new SendResult(answeredAt, decision.RetryIn, tooManyRequests);
    }

    private void Log(Persistence.OutboxMessage row, DeliveryFailure? failure, DeliveryDecision decision)
    {
        if (failure is null || failure.Kind == FailureKind.Moot)
        {
            return;
        }

        switch (failure.Kind)
        {
            case FailureKind.RetryAfter:
                logger.LogWarning("Telegram asked to wait {RetryAfter} before outbox {OutboxId} (chat {ChatId})", failure.RetryAfter, row.Id, row.ChatId);
                break;
            case FailureKind.Transient when decision.RetryIn is { } wait:
                logger.LogWarning("Outbox {OutboxId} to chat {ChatId} failed ({Reason}); try {Attempt} in {Wait}", row.Id, row.ChatId, failure.Reason, decision.Outcome.Attempts, wait);
                break;
            default:
                logger.LogError("Outbox {OutboxId} to chat {ChatId} failed for good: {Reason}", row.Id, row.ChatId, failure.Reason);
                break;
        }
    }
}
