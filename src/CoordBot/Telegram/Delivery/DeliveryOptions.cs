using System.ComponentModel.DataAnnotations;

namespace CoordBot.Telegram.Delivery;

/// <summary>Section <c>Delivery</c>: Telegram's sending limits and the retry budget.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Messages per second over all chats (Telegram: about 30).</summary>
    [Range(1, 1000)]
    public double GlobalPerSecond { get; set; } = 30;

    /// <summary>Messages per second to one private chat (Telegram: about 1).</summary>
    [Range(0.01, 100)]
    public double PrivatePerSecond { get; set; } = 1;

    /// <summary>Messages per minute to one group (Telegram: 20).</summary>
    [Range(1, 6000)]
    public int GroupPerMinute { get; set; } = 20;

    /// <summary>Tries for a message that fails for a passing reason (5xx, network) before it is marked failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Chats served at the same time.</summary>
    [Range(1, 512)]
    public int MaxConcurrency { get; set; } = 32;
}
