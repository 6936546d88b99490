namespace CoordBot.Persistence;

/// <summary>
/// A Telegram update as received, kept until it has been handled. The primary key is Telegram's
/// update_id, so a repeated update is recognised and skipped.
/// </summary>
public sealed class InboxUpdate
{
    public long UpdateId { get; set; }

    /// <summary>The chat the update belongs to; updates of one chat are handled in order.</summary>
    public long? ChatId { get; set; }

    public required string Payload { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>Set in the same transaction as the change the update causes.</summary>
    public DateTime? ProcessedAt { get; set; }

    public string? Error { get; set; }
}
