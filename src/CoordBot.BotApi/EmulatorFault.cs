namespace CoordBot.BotApi;

/// <summary>
/// Makes the next <paramref name="Count"/> calls of <paramref name="Method"/> (null = any method) fail,
/// optionally only those addressed to <paramref name="ChatId"/>.
/// </summary>
public sealed record EmulatorFault(
    string? Method,
    int Count,
    FaultKind Kind,
    int RetryAfterSeconds = 1,
    long? ChatId = null);
