namespace CoordBot.Telegram.Delivery;

/// <summary>Section <c>Delivery</c>: Telegram's sending limits and the retry budget.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Messages per second over all chats (Telegram: about 30; higher only against a test server).</summary>
    public double GlobalPerSecond { get; set; } = 30;

    /// <summary>Messages per second to one private chat (Telegram: about 1).</summary>
    public double PrivatePerSecond { get; set; } = 1;

    /// <summary>Messages a private chat may get at once before the per-second pace applies (Telegram tolerates short bursts).</summary>
    public int PrivateBurst { get; set; } = 3;

    /// <summary>Messages per minute to one group (Telegram: 20).</summary>
    public int GroupPerMinute { get; set; } = 20;

    /// <summary>
    /// Telegram's paid broadcasts: sends carry <c>allow_paid_broadcast</c> and the overall limit becomes
    /// <see cref="PaidBroadcastPerSecond"/> (Telegram charges Stars for the messages over 30 per second).
    /// </summary>
    public bool PaidBroadcast { get; set; }

    /// <summary>The overall limit while <see cref="PaidBroadcast"/> is on (Telegram: up to 1000).</summary>
    public double PaidBroadcastPerSecond { get; set; } = 1000;

    /// <summary>Tries for a message that fails for a passing reason (5xx, network) before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Requests to Telegram in flight at the same time (each chat has at most one).</summary>
    public int MaxConcurrency { get; set; } = 32;

    /// <summary>The overall limit in force.</summary>
    public double EffectiveGlobalPerSecond => PaidBroadcast ? Math.Max(GlobalPerSecond, PaidBroadcastPerSecond) : GlobalPerSecond;
}
