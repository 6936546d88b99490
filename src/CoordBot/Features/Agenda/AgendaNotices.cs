using CoordBot.Features.Sessions;
using CoordBot.Localization;
using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Agenda;

/// <summary>
/// One short notice to every delegation still expected at a session (not those that declined, as with reminders) when its agenda changes, so that nobody has to
/// guess an item's id: a new item with its id and a button to ask for the floor on it; a move with the agenda as it is now.
/// </summary>
public sealed class AgendaNotices(SessionNotifier notifier, AgendaText agenda)
{
    /// <summary>Tells of a new item everywhere but <paramref name="answered"/>, the chat whose reply already said it.</summary>
    public async Task AddedAsync(CoordBotDb db, Outbox outbox, Session session, AgendaItem item, long answered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(item);
        await notifier.SendAsync(db, outbox, session, await notifier.ExpectedCodesAsync(db, session.Id, cancellationToken), (_, language) =>
                Catalogue.Format(language, "Agenda.AddedNotice", SessionRendering.Headline(session, language), agenda.Line(item, null, language), item.Position) + "\n" +
                Catalogue.Format(language, "Agenda.SpeakHint", item.Label),
            language => [[CommandButton.For(Catalogue.Format(language, "Agenda.SpeakButton", item.Label), "speak " + item.Label)]],
            cancellationToken, answered);
    }

    /// <summary>Tells of a move, with the agenda as it now is, everywhere but <paramref name="answered"/>, the chat whose reply already said it.</summary>
    public async Task MovedAsync(CoordBotDb db, Outbox outbox, Session session, AgendaItem item, long answered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(item);
        // The new order must be read by the agenda text: written before it is rendered.
        await db.SaveChangesAsync(cancellationToken);
        var codes = await notifier.ExpectedCodesAsync(db, session.Id, cancellationToken);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var language in Languages.All)
        {
            texts[language] = await agenda.ForSessionAsync(db, session.Id, cancellationToken, language);
        }

        await notifier.SendAsync(db, outbox, session, codes, (_, language) =>
            Catalogue.Format(language, "Agenda.MovedNotice", SessionRendering.Headline(session, language), item.Label, item.Position) + "\n" + texts[language],
            null, cancellationToken, answered);
    }
}
