using CoordBot.Telegram.Routing;

namespace CoordBot.Telegram.Delivery;

/// <summary>
/// What the bot does when Telegram's chats change under it: a group upgraded to a supergroup, the bot removed from a
/// group, a person blocking or unblocking it. Learnt either from a refused send (delivery) or from an update.
/// </summary>
public interface IChatLifecycle
{
    /// <summary>A send was refused with migrate_to_chat_id: links and pending messages move to the new chat (own transaction).</summary>
    Task MigratedAsync(long oldChatId, long newChatId, CancellationToken cancellationToken);

    /// <summary>A send was refused because the chat is lost to the bot (own transaction).</summary>
    Task LostAsync(long chatId, ChatLoss loss, CancellationToken cancellationToken);

    /// <summary>
    /// A service update about the chats themselves (my_chat_member, a message with migrate_to/from_chat_id), in the
    /// update's transaction. True when it was one (and handled); false for an ordinary update.
    /// </summary>
    Task<bool> HandleUpdateAsync(UpdateContext context, CancellationToken cancellationToken);
}
