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
}

public sealed record DeliveryFailure(FailureKind Kind, string Reason, TimeSpan RetryAfter)
{
    public static DeliveryFailure Classify(Exception exception)
    {
        switch (exception)
        {
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
