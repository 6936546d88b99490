namespace CoordBot.BotApi.Internal;

/// <summary>
/// Something a person did in a chat, or the bot's short answer to a press. <see cref="Seq"/> orders it among
/// the bot's messages (which carry the same counter), so a chat reads as a conversation.
/// </summary>
internal sealed record StoredUserEvent(
    long Seq,
    UserEventKind Kind,
    long FromUserId,
    DateTimeOffset Date,
    long? MessageId = null,
    string? Text = null,
    StoredFile? Document = null,
    long? ReplyToMessageId = null);

internal enum UserEventKind
{
    Message,
    Press,
    Answer,
}
