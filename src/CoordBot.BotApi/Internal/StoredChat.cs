namespace CoordBot.BotApi.Internal;

internal sealed class StoredChat(long id, string? title)
{
    public long Id { get; } = id;
    public string? Title { get; set; } = title;
    public bool IsGroup => Id < 0;
    public long NextMessageId { get; set; } = 1;
    public List<StoredMessage> BotMessages { get; } = [];

    /// <summary>What people did in the chat (wrote, sent a file, pressed a button) and the bot's answers to presses, for the sandbox page.</summary>
    public List<StoredUserEvent> UserEvents { get; } = [];

    public Dictionary<long, string> MemberStatus { get; } = [];
    public List<string> Log { get; } = [];

    /// <summary>The group became this supergroup: sends here are refused with parameters.migrate_to_chat_id.</summary>
    public long? MigratedTo { get; set; }

    /// <summary>The bot was removed from this group ("left" or "kicked"): sends are refused with 403.</summary>
    public string? BotStatus { get; set; }

    /// <summary>The user of this private chat blocked the bot: sends are refused with 403.</summary>
    public bool Blocked { get; set; }

    /// <summary>The emulator's change counter when anything in this chat last changed, so the page refetches only what moved.</summary>
    public long Version { get; set; }
}
