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

    /// <summary>The inline keyboard buttons, row by row flattened.</summary>
    public IReadOnlyList<(string Text, string? CallbackData)> Buttons => BotApiEmulator.ButtonsOf(this);
}
