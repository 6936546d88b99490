using CoordBot.Telegram.Routing;

namespace CoordBot.Localization;

/// <summary>Catalogue texts in the language of the chat an update came from (see <see cref="UpdateContext.Language"/>).</summary>
public static class Say
{
    /// <summary>The text of <paramref name="key"/> in this chat's language, placeholders filled (arguments already HTML).</summary>
    public static string Text(this UpdateContext update, string key, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(update);
        return Catalogue.Format(update.Language, key, args);
    }

    /// <inheritdoc cref="Text(UpdateContext, string, object?[])"/>
    public static string Text(this CommandContext context, string key, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Catalogue.Format(context.Update.Language, key, args);
    }
}
