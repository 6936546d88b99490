namespace CoordBot.BotApi;

/// <summary>How the emulator listens, who the bot is, and which Telegram limits it enforces.</summary>
public sealed record BotApiEmulatorOptions
{
    /// <summary>Listening address; port 0 picks a free port (read the real one from <see cref="BotApiEmulator.BaseUrl"/>).</summary>
    public string Url { get; init; } = "http://127.0.0.1:0";
    public string BotToken { get; init; } = "123456:sandbox-token";
    public long BotId { get; init; } = 123456;
    public string BotUsername { get; init; } = "CoordBot";
    public bool EnforceLimits { get; init; } = true;

    /// <summary>All sends together (sendMessage, sendDocument, editMessageText).</summary>
    public double GlobalPerSecond { get; init; } = 30;

    /// <summary>Sustained rate per private chat; a burst of <see cref="PrivateBurst"/> is tolerated.</summary>
    public double PrivatePerSecond { get; init; } = 1;

    public int PrivateBurst { get; init; } = 3;
    public int GroupPerMinute { get; init; } = 20;

    /// <summary>Clock for message dates, rate limits and long-poll timeouts.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// First update_id; by default derived from the clock so a restarted sandbox does not reuse ids a bot already stored.
    /// Keep it below 2^31: Telegram.Bot reads update_id as an Int32.
    /// </summary>
    public long? FirstUpdateId { get; init; }

    /// <summary>
    /// Called for every message the bot sends, the moment the emulator accepts it (for measurements such as
    /// update-to-reply latency). Runs under the emulator's lock: keep it short and never call back into the emulator.
    /// </summary>
    public Action<SentMessage>? MessageSent { get; init; }

    /// <summary>
    /// A JSON file the emulator loads at start and keeps up to date (people, chats, messages, files, update ids),
    /// so a sandbox restarted tomorrow still knows the chats the bot writes to. None: state lives in memory only.
    /// </summary>
    public string? StateFile { get; init; }

    /// <summary>Named actions the sandbox page offers as buttons (e.g. building a demo council through the bot's commands).</summary>
    public IReadOnlyList<EmulatorAction> Actions { get; init; } = [];

    /// <summary>
    /// Moves the clock shared by the emulator and the bot forward (sandbox only). None: the page's clock control says
    /// the clock cannot be moved here.
    /// </summary>
    public Func<TimeSpan, CancellationToken, Task>? AdvanceClock { get; init; }

    /// <summary>Where the emulator reports problems it works around (a state file it cannot write or read).</summary>
    public Action<string>? Warn { get; init; }
}
