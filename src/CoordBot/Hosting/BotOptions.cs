namespace CoordBot;

/// <summary>Section <c>Bot</c>.</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>Telegram user ids allowed to administer the bot (<c>Bot__Operators__0=12345</c> from the environment).</summary>
    public List<long> Operators { get; set; } = [];
}
