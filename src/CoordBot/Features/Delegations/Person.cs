namespace CoordBot.Features.Delegations;

/// <summary>A Telegram user the bot has met, with their own settings. Identified by user id only.</summary>
public sealed class Person
{
    public long UserId { get; set; }

    public required string DisplayName { get; set; }

    public string? Username { get; set; }

    /// <summary>IANA zone used to show this person times (Telegram never tells a bot a user's zone).</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// When the person last chose <see cref="TimeZone"/> (with /timezone or in a guide's time step); null while it is
    /// only the default, so that a guide asks their zone once before the first time it reads instead of assuming UTC.
    /// </summary>
    public DateTime? TimeZoneSetAt { get; set; }

    /// <summary>The official language the person chose with /language; empty until they choose (Telegram's language_code decides).</summary>
    public string Language { get; set; } = string.Empty;

    /// <summary>
    /// The last <c>language_code</c> Telegram sent with this person's updates (an IETF tag, null if none came): the
    /// language of messages to them (notices, circulations) until they choose one (<see cref="Localization.Languages.OfPerson"/>).
    /// </summary>
    public string? TelegramLanguage { get; set; }

    public DateTime FirstSeenAt { get; set; }

    public DateTime LastSeenAt { get; set; }

    /// <summary>When Telegram said this person blocked the bot (messages no longer reach them); null once unblocked.</summary>
    public DateTime? BlockedAt { get; set; }
}
