using CoordBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Localization;

/// <summary>
/// The one place the language of a reader is decided, wherever it is asked (a reply, a notice, a ballot, an apology, a
/// scheduled job with no update at hand). A person reads the official language they chose with /language, else the
/// closest to the last <c>language_code</c> Telegram sent with their updates, else English (also someone the bot has
/// never seen); a delegation's linked group reads the language its delegation chose for it, else English.
/// </summary>
public static class ReaderLanguage
{
    /// <summary>A person's language from what is known of them: their choice, else Telegram's language_code, else English.</summary>
    public static string OfPerson(string? chosen, string? telegramLanguage) => Languages.OfPerson(chosen, telegramLanguage);

    /// <summary>A linked group's language: the one chosen for it, else English.</summary>
    public static string OfGroup(string? chosen) => Languages.IsKnown(chosen) ? chosen! : Languages.English;

    /// <summary>The language a private message to <paramref name="userId"/> is written in.</summary>
    /// <remarks>Found through the unit of work, so a choice made earlier in the same transaction already counts.</remarks>
    public static async Task<string> OfPersonAsync(CoordBotDb db, long userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var person = await db.People.FindAsync([userId], cancellationToken);
        return OfPerson(person?.Language, person?.TelegramLanguage);
    }

    /// <summary>The language of each of <paramref name="userIds"/> (every id has one: English for someone never seen).</summary>
    public static async Task<IReadOnlyDictionary<long, string>> OfPeopleAsync(CoordBotDb db, IReadOnlyCollection<long> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(userIds);
        var known = await db.People.AsNoTracking()
            .Where(p => userIds.Contains(p.UserId))
            .Select(p => new { p.UserId, p.Language, p.TelegramLanguage })
            .ToDictionaryAsync(p => p.UserId, p => OfPerson(p.Language, p.TelegramLanguage), cancellationToken);
        return userIds.Distinct().ToDictionary(id => id, id => known.TryGetValue(id, out var language) ? language : OfPerson(null, null));
    }
}
