using CoordBot.Telegram.Routing;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace CoordBot.Telegram.Receiving;

/// <summary>
/// Where an update comes from: its chat, the chat's kind and its sender. Read once per update, here: handling, the apology
/// for a failure and its language all use what this read (a handler reads <see cref="UpdateContext.ChatId"/>).
/// </summary>
public sealed record UpdateOrigin(long ChatId, ChatType ChatType, UpdateSender Sender)
{
    /// <summary>The origin of an update the bot handles (a message with a sender, a change of the bot's membership, a button press); null for any other.</summary>
    public static UpdateOrigin? Of(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return update switch
        {
            { Message: { From: { } from } message } => new(message.Chat.Id, message.Chat.Type, SenderOf(from)),
            { MyChatMember: { From: { } by } change } => new(change.Chat.Id, change.Chat.Type, SenderOf(by)),
            // A press on an inline message has no chat: it is answered in the presser's private chat.
            { CallbackQuery: { } query } => query.Message is { } source
                ? new(source.Chat.Id, source.Chat.Type, SenderOf(query.From))
                : new(query.From.Id, ChatType.Private, SenderOf(query.From)),
            _ => null,
        };
    }

    private static UpdateSender SenderOf(User user) => new(user.Id, user.FirstName, user.LastName, user.Username, user.LanguageCode);
}
