namespace CoordBot.BotApi;

/// <summary>A message the bot sent, in its current state (edits applied). <see cref="Text"/> is what the bot sent (raw HTML when <see cref="ParseMode"/> is HTML).</summary>
public sealed record SentMessage(
    long ChatId,
    long MessageId,
    string? Text,
    string? ParseMode,
    string? ReplyMarkupJson,
    DateTimeOffset Date,
    string? DocumentName,
    byte[]? DocumentContent,
    string? Caption,
    bool Deleted,
    int EditCount)
{
    /// <summary>The text as a Telegram user sees it: tags removed, HTML entities decoded.</summary>
    public string? PlainText { get; init; }

    /// <summary>The message this one replies to (reply_parameters or reply_to_message_id), if any.</summary>
    public long? ReplyToMessageId { get; init; }

    /// <summary>True when the reply markup is Telegram's ForceReply: the client opens a reply to this message by itself.</summary>
    public bool ForceReply => BotApiEmulator.IsForceReply(this);

    /// <summary>True when the ForceReply is selective (only the people mentioned or replied to get the reply box).</summary>
    public bool ForceReplySelective => BotApiEmulator.IsForceReply(this, selective: true);

    /// <summary>The inline keyboard buttons, row by row flattened.</summary>
    public IReadOnlyList<(string Text, string? CallbackData)> Buttons => BotApiEmulator.ButtonsOf(this);
}
