using CoordBot.Telegram.Routing;
using Telegram.Bot.Types;

namespace CoordBot.Operations;

/// <summary>
/// Log scopes with ids only: every line written while an update is handled carries its update id, chat
/// and command name (as structured fields in JSON logs), and never the text of the message.
/// </summary>
public static class LogScopes
{
    public static IDisposable? ForUpdate(ILogger logger, long updateId, long chatId, Update update)
    {
        var fields = new Dictionary<string, object> { ["UpdateId"] = updateId, ["ChatId"] = chatId };
        if (CommandName(update) is { } command)
        {
            fields["Command"] = command;
        }

        return logger.BeginScope(fields);
    }

    /// <summary>
    /// The command's parsed name (letters, digits and underscores only: never its arguments or body),
    /// "callback" for a button press, or null for anything else.
    /// </summary>
    public static string? CommandName(Update update) =>
        CommandParser.Parse(update.Message?.Text ?? update.Message?.Caption)?.Name
        ?? (update.CallbackQuery is not null ? "callback" : null);
}
