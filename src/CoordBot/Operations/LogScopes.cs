namespace CoordBot.Operations;

/// <summary>
/// Log scopes with ids only: every line written while an update is handled carries its update id and
/// chat (as structured fields in JSON logs), and never the text of the message.
/// </summary>
public static class LogScopes
{
    public static IDisposable? ForUpdate(ILogger logger, long updateId, long chatId) =>
        logger.BeginScope(new Dictionary<string, object> { ["UpdateId"] = updateId, ["ChatId"] = chatId });
}
