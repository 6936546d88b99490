namespace CoordBot.Telegram.Routing;

/// <summary>Where a command may be used. The router checks it before the command's rule and before any lookup.</summary>
public enum ChatScope
{
    /// <summary>Any chat (greeting, help, one's own settings).</summary>
    Anywhere,

    /// <summary>Only a private chat with the bot.</summary>
    Private,

    /// <summary>Only a group (linking a group to a delegation).</summary>
    Group,

    /// <summary>
    /// Council business: a private chat, or the linked group of the sender's OWN delegation (an operator, who
    /// belongs to none, may use any linked group). Nothing about a delegation is ever posted in another
    /// delegation's group, nor in a group no delegation has linked.
    /// </summary>
    CouncilChat,
}
