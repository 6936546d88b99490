using Telegram.Bot.Types;

namespace CoordBot.Telegram.Routing;

/// <summary>
/// Telegram's command menus, read from the same declarations as /help and the router. The menus for every
/// private chat and every group list each command that can run in that kind of chat; a member's own private
/// chat, and a linked group, get a menu of their own narrowed to what their roles admit (<see cref="Admitted"/>).
/// </summary>
public static class CommandMenu
{
    /// <summary>The commands of the menu for private chats (<paramref name="privateChats"/>) or for groups, or for all chats (null).</summary>
    public static IReadOnlyList<CommandInfo> For(IEnumerable<ICommandHandler> commands, bool? privateChats = null)
    {
        ArgumentNullException.ThrowIfNull(commands);
        return commands.Select(c => c.Info)
            .Where(i => i.InMenu)
            .Where(i => privateChats switch
            {
                true => i.Where != ChatScope.Group,
                false => i.Where != ChatScope.Private,
                null => true,
            })
            .OrderBy(i => i.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The commands of the menu of one chat: those that run in a private chat (<paramref name="privateChat"/>) or
    /// a group and whose rule admits at least one of <paramref name="actors"/>, exactly as /help offers them.
    /// </summary>
    public static IReadOnlyList<CommandInfo> Admitted(IEnumerable<ICommandHandler> commands, bool privateChat, IReadOnlyCollection<Actor> actors)
    {
        ArgumentNullException.ThrowIfNull(actors);
        return For(commands, privateChat).Where(i => actors.Any(i.IsOfferedTo)).ToList();
    }

    /// <summary>The commands as Telegram's menu lists them, described in <paramref name="language"/> (at most 256 characters each).</summary>
    public static IReadOnlyList<BotCommand> InLanguage(IEnumerable<CommandInfo> commands, string language) =>
        commands.Select(c => new BotCommand(c.Name, Rendering.Shortened.To(c.DescriptionIn(language), 256))).ToList();
}
