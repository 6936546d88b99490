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

    /// <summary>The language a private message to <paramref name="userId"/> is written in: their choice, else the last language_code their updates carried, else English (<see cref="Languages.OfPerson"/>).</summary>
    public static async Task<string> LanguageOfPersonAsync(Persistence.CoordBotDb db, long userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var person = await db.People.FindAsync([userId], cancellationToken);
        return Languages.OfPerson(person?.Language, person?.TelegramLanguage);
    }
}
