namespace CoordBot.Telegram;

public enum ReceiveMode
{
    Polling,
    Webhook,
}

/// <summary>Section <c>Telegram</c>. The key names are a contract with operators.</summary>
public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>Token from BotFather; never logged. Absent: the sandbox (a local emulator) is used.</summary>
    public string? BotToken { get; set; }

    /// <summary>Another Bot API server (a local Bot API server, an emulator); absent: Telegram's.</summary>
    public string? BaseUrl { get; set; }

    /// <summary><c>Polling</c> (default) or <c>Webhook</c>; bound as text so a wrong value gets a clear message.</summary>
    public string Mode { get; set; } = nameof(ReceiveMode.Polling);

    public string? WebhookUrl { get; set; }

    public string? WebhookSecret { get; set; }

    /// <summary>Where the webhook endpoint listens (behind a TLS-terminating proxy).</summary>
    public string WebhookListenUrl { get; set; } = "http://0.0.0.0:8080";

    /// <summary>Seconds a getUpdates call may wait for news.</summary>
    public int PollTimeoutSeconds { get; set; } = 30;

    public bool IsSandbox => string.IsNullOrWhiteSpace(BotToken);

    public ReceiveMode ReceiveMode => Enum.Parse<ReceiveMode>(Mode, ignoreCase: true);
}
