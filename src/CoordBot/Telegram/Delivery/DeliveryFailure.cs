using Telegram.Bot.Exceptions;

namespace CoordBot.Telegram.Delivery;

public enum FailureKind
{
    /// <summary>Telegram says to wait: try this chat again after the given time, without spending a try.</summary>
    RetryAfter,

    /// <summary>A passing fault (5xx, network, timeout): retry with backoff, within the try budget.</summary>
    Transient,

    /// <summary>Telegram refuses for good (chat not found, bot blocked, bad request): never retried.</summary>
    Permanent,

    /// <summary>Nothing to do any more (an edit with no change, a button answer too late): counts as done.</summary>
    Moot,

    /// <summary>The group became a supergroup (<see cref="DeliveryFailure.MigrateToChatId"/>): send it there, at once, without spending a try.</summary>
    Migrated,
}

/// <summary>Why a chat can no longer be reached, when Telegram says so.</summary>
public enum ChatLoss
{
    /// <summary>The person blocked the bot (403 in a private chat).</summary>
    Blocked,

    /// <summary>The bot was removed from the group (403 in a group).</summary>
    Removed,
}

public sealed record DeliveryFailure(FailureKind Kind, string Reason, TimeSpan RetryAfter)
{
    /// <summary>Where the group now lives (parameters.migrate_to_chat_id), for <see cref="FailureKind.Migrated"/>.</summary>
    public long? MigrateToChatId { get; init; }

    /// <summary>Set when the refusal means the chat is lost to the bot (blocked, removed).</summary>
    public ChatLoss? Loss { get; init; }

    public static DeliveryFailure Classify(Exception exception)
    {
        switch (exception)
        {
            case ApiRequestException { Parameters.MigrateToChatId: { } supergroup } migrated:
                return new(FailureKind.Migrated, migrated.Message, TimeSpan.Zero) { MigrateToChatId = supergroup };
            case ApiRequestException { ErrorCode: 403 } forbidden when forbidden.Message.Contains("blocked by the user", StringComparison.OrdinalIgnoreCase):
                return new(FailureKind.Permanent, $"403: {forbidden.Message}", TimeSpan.Zero) { Loss = ChatLoss.Blocked };
            case ApiRequestException { ErrorCode: 403 } forbidden when forbidden.Message.Contains("kicked from the", StringComparison.OrdinalIgnoreCase)
                                                                     || forbidden.Message.Contains("not a member of the", StringComparison.OrdinalIgnoreCase):
                return new(FailureKind.Permanent, $"403: {forbidden.Message}", TimeSpan.Zero) { Loss = ChatLoss.Removed };
            case ApiRequestException { ErrorCode: 429 } tooMany:
                var seconds = tooMany.Parameters?.RetryAfter ?? 1;
                return new(FailureKind.RetryAfter, tooMany.Message, TimeSpan.FromSeconds(Math.Max(1, seconds)));
            case ApiRequestException api when api.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase)
                                           || api.Message.Contains("query is too old", StringComparison.OrdinalIgnoreCase):
                return new(FailureKind.Moot, api.Message, TimeSpan.Zero);
            case ApiRequestException { ErrorCode: >= 500 } server:
                return new(FailureKind.Transient, $"{server.ErrorCode}: {server.Message}", TimeSpan.Zero);
            case ApiRequestException { ErrorCode: >= 400 } refused:
                return new(FailureKind.Permanent, $"{refused.ErrorCode}: {refused.Message}", TimeSpan.Zero);
            default:
                // RequestException (network), timeouts and anything unexpected: try again later.
                return new(FailureKind.Transient, $"{exception.GetType().Name}: {exception.Message}", TimeSpan.Zero);
        }
    }

    /// <summary>Exponential backoff with jitter: 2 s, 4 s, 8 s ... capped at 5 minutes, each ±25 %.</summary>
    public static TimeSpan Backoff(int attempt, double jitter01)
    {
        var seconds = Math.Min(300, Math.Pow(2, Math.Clamp(attempt, 1, 16)));
        return TimeSpan.FromSeconds(seconds * (0.75 + (jitter01 * 0.5)));
    }
}
