using CoordBot.Persistence;
using Microsoft.Extensions.Options;

namespace CoordBot.Telegram.Delivery;

/// <summary>
/// What becomes of an outbox row after one try: sent, tried again (after a retry_after without spending a
/// try, or after a backoff within <see cref="DeliveryOptions.MaxAttempts"/>), or failed for good. Pure:
/// the time and the jitter are passed in.
/// </summary>
public sealed class RetryPolicy(IOptions<DeliveryOptions> options)
{
    /// <param name="telegramId">The message id Telegram gave, when the send succeeded.</param>
    /// <param name="failure">Null when Telegram accepted it.</param>
    public DeliveryDecision Decide(OutboxMessage row, int? telegramId, DeliveryFailure? failure, DateTime nowUtc, double jitter01)
    {
        if (failure is null || failure.Kind == FailureKind.Moot)
        {
            return new(new DeliveryOutcome(OutboxStatus.Sent, row.Attempts + 1, row.NextAttemptAt, nowUtc, telegramId, null), null);
        }

        switch (failure.Kind)
        {
            case FailureKind.Migrated:
                // The chat moved; the row was pointed at the new one: send it there now, the try not counted.
                return new(new DeliveryOutcome(OutboxStatus.Pending, row.Attempts, nowUtc, nowUtc, null, failure.Reason), TimeSpan.Zero);
            case FailureKind.RetryAfter:
                return new(new DeliveryOutcome(OutboxStatus.Pending, row.Attempts, nowUtc + failure.RetryAfter, nowUtc, null, failure.Reason), failure.RetryAfter);
            case FailureKind.Transient when row.Attempts + 1 < options.Value.MaxAttempts:
                var wait = DeliveryFailure.Backoff(row.Attempts + 1, jitter01);
                return new(new DeliveryOutcome(OutboxStatus.Pending, row.Attempts + 1, nowUtc + wait, nowUtc, null, failure.Reason), wait);
            default:
                return new(new DeliveryOutcome(OutboxStatus.Failed, row.Attempts + 1, row.NextAttemptAt, nowUtc, null, failure.Reason), null);
        }
    }

    /// <summary>
    /// The longest a row read back from the outbox waits: above the longest backoff (5 minutes and its jitter), and
    /// long enough for any retry_after Telegram gives in practice (a longer one is asked again after it, and answered).
    /// </summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    /// <summary>
    /// How long <paramref name="row"/>, read back from the outbox, must still wait at <paramref name="nowUtc"/>. Only a
    /// row that was tried and told to wait (a retry_after, a backoff) waits, and never longer than <see cref="LongestWait"/>:
    /// a time recorded by a clock that was ahead (a restore, a clock corrected backwards) never holds a chat back.
    /// </summary>
    public static TimeSpan WaitLeft(OutboxMessage row, DateTime nowUtc)
    {
        if (row.Attempts == 0 && row.LastError is null)
        {
            return TimeSpan.Zero; // Never tried: its NextAttemptAt is only the time it was written.
        }

        var left = row.NextAttemptAt - nowUtc;
        return left <= TimeSpan.Zero ? TimeSpan.Zero : left > LongestWait ? LongestWait : left;
    }

    /// <summary>A row whose <see cref="OutboxMessage.NotAfter"/> passed before it could go: dropped, and why.</summary>
    public static DeliveryDecision Expire(OutboxMessage row, DateTime nowUtc) => new(
        new DeliveryOutcome(OutboxStatus.Expired, row.Attempts, row.NextAttemptAt, nowUtc, null,
            $"not sent: its moment passed at {row.NotAfter:yyyy-MM-dd HH:mm:ss}Z, before it could go (checked {nowUtc:yyyy-MM-dd HH:mm:ss}Z)"),
        null);
}

/// <summary>The row's new state, and when to try it again (null: the chat moves on).</summary>
public sealed record DeliveryDecision(DeliveryOutcome Outcome, TimeSpan? RetryIn);

/// <summary>What became of one try: the row's new state.</summary>
public sealed record DeliveryOutcome(OutboxStatus Status, int Attempts, DateTime NextAttemptAt, DateTime At, int? TelegramMessageId, string? Error);
