using System.Text.Json.Nodes;

namespace CoordBot.BotApi.Internal;

/// <summary>Telegram's group life cycle as the bot sees it: a group upgraded to a supergroup, the bot removed, the bot blocked.</summary>
internal sealed partial class EmulatorState
{
    /// <summary>
    /// The group becomes a supergroup with a new id, as Telegram does when a group grows or gets an admin feature:
    /// the old chat gets a service message with migrate_to_chat_id, the new one with migrate_from_chat_id, and from
    /// then on a message to the old id is refused with 400 and parameters.migrate_to_chat_id.
    /// </summary>
    public void MigrateGroup(long chatId, long newChatId, long byUserId, bool serviceMessages)
    {
        if (newChatId >= 0 || newChatId == chatId)
        {
            throw new ArgumentOutOfRangeException(nameof(newChatId), "A supergroup's id is negative and new.");
        }

        lock (gate)
        {
            var old = KnownChat(chatId);
            if (old.MigratedTo is not null)
            {
                throw new InvalidOperationException($"Chat {chatId} was already migrated to {old.MigratedTo}.");
            }

            var (_, user) = Participants(chatId, byUserId);
            var supergroup = EnsureChat(newChatId, old.Title);
            supergroup.MemberStatus.Clear();
            foreach (var (member, status) in old.MemberStatus)
            {
                supergroup.MemberStatus[member] = status;
            }

            var leaving = UserMessage(old, user);
            leaving["migrate_to_chat_id"] = newChatId;
            old.MigratedTo = newChatId;
            old.Log.Add($"{Name(user)} upgraded the group to supergroup {newChatId}");
            Touch(old);
            if (serviceMessages)
            {
                Enqueue("message", leaving);
            }

            var arriving = UserMessage(supergroup, user);
            arriving["migrate_from_chat_id"] = chatId;
            supergroup.Log.Add($"{Name(user)} upgraded group {chatId} to this supergroup");
            Touch(supergroup);
            if (serviceMessages)
            {
                Enqueue("message", arriving);
            }
        }
    }

    /// <summary>A user removes the bot from a group (status "kicked" or "left"): a my_chat_member update, and sends there are refused with 403.</summary>
    public void RemoveBot(long chatId, long byUserId, string status)
    {
        if (status is not ("kicked" or "left"))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "The bot is removed as \"kicked\" or \"left\".");
        }

        lock (gate)
        {
            var chat = KnownChat(chatId);
            var (_, user) = Participants(chatId, byUserId);
            chat.BotStatus = status;
            chat.Log.Add($"{Name(user)} removed the bot ({status})");
            Touch(chat);
            Enqueue("my_chat_member", BotMembershipChange(chat, user, "member", status));
        }
    }

    /// <summary>The user blocks (or unblocks) the bot in their private chat: a my_chat_member update (kicked / member); while blocked, sends get 403.</summary>
    public void SetBlocked(long userId, bool blocked)
    {
        lock (gate)
        {
            var (chat, user) = Participants(userId, userId);
            if (chat.Blocked == blocked)
            {
                return;
            }

            chat.Blocked = blocked;
            chat.Log.Add($"{Name(user)} {(blocked ? "blocked" : "unblocked")} the bot");
            Touch(chat);
            Enqueue("my_chat_member", BotMembershipChange(chat, user, blocked ? "member" : "kicked", blocked ? "kicked" : "member"));
        }
    }

    private JsonObject BotMembershipChange(StoredChat chat, StoredUser by, string oldStatus, string newStatus) => new()
    {
        ["chat"] = ChatJson(chat),
        ["from"] = UserJson(by),
        ["date"] = time.GetUtcNow().ToUnixTimeSeconds(),
        ["old_chat_member"] = Member(oldStatus),
        ["new_chat_member"] = Member(newStatus),
    };

    private JsonObject Member(string status)
    {
        var member = new JsonObject { ["status"] = status, ["user"] = UserJson(Bot) };
        if (status == "kicked")
        {
            member["until_date"] = 0;
        }

        return member;
    }
}
