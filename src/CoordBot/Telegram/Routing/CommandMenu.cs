namespace CoordBot.Telegram.Routing;

/// <summary>
/// Telegram's command menus, read from the same declarations as /help and the router. Telegram shows one
/// menu per kind of chat and cannot know a person's role, so each menu lists every command that can run in
/// that kind of chat; /help then narrows it to what the person may run there.
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
}
