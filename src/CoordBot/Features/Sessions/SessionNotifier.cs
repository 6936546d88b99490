using System.Globalization;
using CoordBot.Council;
using CoordBot.Domain.Sessions;
using CoordBot.Features.Agenda;
using CoordBot.Features.Delegations;
using CoordBot.Localization;
using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using CoordBot.Telegram.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Sessions;

public enum SessionChange
{
    Scheduled,
    Moved,
    Cancelled,
}

/// <summary>
/// Announcements and reminders of sessions, through the outbox, to delegations only (their linked group,
/// else their members privately, see <see cref="DelegationMessenger"/>). A private reader sees times in
/// their own zone; a group, which has many readers, in the session's zone and UTC. The agenda goes along.
/// </summary>
public sealed class SessionNotifier(CouncilProvider council, DelegationMessenger messenger, SessionRendering rendering, AgendaText agenda)
{
    public IReadOnlyList<string> AllCodes() => council.Council.Members.Select(m => m.Code).ToList();

    /// <summary>Every delegation still expected at the session: all but those that said they will not attend.</summary>
    public async Task<IReadOnlyList<string>> ExpectedCodesAsync(CoordBotDb db, long sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var declined = await db.SessionAttendances.AsNoTracking()
            .Where(a => a.SessionId == sessionId && !a.Attends)
            .Select(a => a.DelegationCode)
            .ToListAsync(cancellationToken);
        return AllCodes().Except(declined).ToList();
    }

    /// <summary>Every delegation hears of a new, moved or cancelled session (observers too for an Arria-formula meeting), each chat in its language.</summary>
    public async Task<int> AnnounceAsync(CoordBotDb db, Outbox outbox, Session session, SessionChange change, DateTime? previousStartUtc, CancellationToken cancellationToken)
    {
        var agendas = new Dictionary<string, string>(StringComparer.Ordinal);
        var codes = council.Council.Members.Select(m => m.Code).ToList();
        var languages = await LanguagesAsync(db, session, codes, cancellationToken);
        if (change != SessionChange.Cancelled)
        {
            foreach (var language in languages)
            {
                agendas[language] = await agenda.ForSessionAsync(db, session.Id, cancellationToken, language);
            }
        }

        return await SendAsync(db, outbox, session, codes, (zone, language) =>
        {
            var head = change switch
            {
                SessionChange.Scheduled => "Sessions.Announce.Scheduled",
                SessionChange.Moved => "Sessions.Announce.Moved",
                _ => "Sessions.Announce.Cancelled",
            };
            var lines = new List<string> { Catalogue.Format(language, head, SessionRendering.Headline(session, language), rendering.Convenor(session, language)) };
            if (change == SessionChange.Moved && previousStartUtc is { } before)
            {
                lines.Add(Catalogue.Format(language, "Sessions.Was", Dates.InZoneAndUtc(language, before, zone)));
                lines.Add(Catalogue.Format(language, "Sessions.Now", SessionRendering.When(session, zone, language)));
            }
            else
            {
                lines.Add(Catalogue.Format(language, change == SessionChange.Cancelled ? "Sessions.WasToStart" : "Sessions.Starts", SessionRendering.When(session, zone, language)));
            }

            if (change != SessionChange.Cancelled && session.MeetingUrl is not null)
            {
                lines.Add(MeetingLinks.Line(session, language).TrimStart('\n'));
            }

            if (agendas.TryGetValue(language, out var agendaText))
            {
                lines.Add(agendaText);
                lines.Add(Catalogue.Format(language, "Sessions.WillYouAttend", session.Label));
            }

            return string.Join('\n', lines);
        }, change == SessionChange.Cancelled ? null : language => [AttendButtons(session.Id, language)], cancellationToken);
    }

    /// <summary>The reminder before the start, to every delegation that has not said it will not attend.</summary>
    public async Task<int> RemindAsync(CoordBotDb db, Outbox outbox, Session session, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var codes = await ExpectedCodesAsync(db, session.Id, cancellationToken);
        var agendas = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var language in await LanguagesAsync(db, session, codes, cancellationToken))
        {
            agendas[language] = await agenda.ForSessionAsync(db, session.Id, cancellationToken, language);
        }

        var left = session.StartUtc - nowUtc;
        string Html(string zone, string language) =>
            Catalogue.Format(language, "Sessions.Reminder", SessionRendering.Headline(session, language), Until(left, language)) + "\n" +
            Catalogue.Format(language, "Sessions.Starts", SessionRendering.When(session, zone, language)) + MeetingLinks.Line(session, language) + "\n" + agendas[language];

        // A delegation that said it attends sees its answer marked on the buttons; one that has not answered, the plain pair.
        var attending = await db.SessionAttendances.AsNoTracking()
            .Where(a => a.SessionId == session.Id && a.Attends)
            .Select(a => a.DelegationCode)
            .ToListAsync(cancellationToken);
        return await SendAsync(db, outbox, session, [.. codes.Intersect(attending)], Html, language => [AttendButtons(session.Id, language, attends: true)], cancellationToken)
            + await SendAsync(db, outbox, session, [.. codes.Except(attending)], Html, language => [AttendButtons(session.Id, language)], cancellationToken);
    }

    /// <summary>
    /// Sends to the given delegations' chats, once each: in the chat's language (the group's, or each member's), with
    /// times in its zone (a member's own; a group, which has many readers, reads the session's zone and UTC).
    /// <paramref name="answered"/>, the chat where the change was made, is left out: the reply there already said it.
    /// </summary>
    public async Task<int> SendAsync(
        CoordBotDb db,
        Outbox outbox,
        Session session,
        IReadOnlyCollection<string> codes,
        Func<string, string, string> htmlForZoneAndLanguage,
        Func<string, IReadOnlyList<IReadOnlyList<Button>>?>? buttonsFor,
        CancellationToken cancellationToken,
        long? answered = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(htmlForZoneAndLanguage);
        return await messenger.DeliverAsync(db, outbox, new DelegationNotice(codes, reader => htmlForZoneAndLanguage(reader.OwnZone ?? session.ZoneId, reader.Language))
        {
            Buttons = buttonsFor is null ? null : reader => buttonsFor(reader.Language),
            IncludeObservers = SessionFormats.AdmitsObservers(session.Format),
            Except = answered is { } chat ? [chat] : [],
            WithOwnZones = true,
        }, cancellationToken);
    }

    private async Task<List<Recipient>> ChatsAsync(CoordBotDb db, Session session, IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var recipients = await messenger.RecipientsWithLanguageAsync(db, codes, SessionFormats.AdmitsObservers(session.Format), cancellationToken);
        return recipients.Values.SelectMany(c => c).DistinctBy(c => c.ChatId).ToList();
    }

    private async Task<IReadOnlyList<string>> LanguagesAsync(CoordBotDb db, Session session, IReadOnlyCollection<string> codes, CancellationToken cancellationToken) =>
        (await ChatsAsync(db, session, codes, cancellationToken)).Select(c => c.Language).Distinct().ToList();

    /// <summary>The buttons of a session's attendance answer, in <paramref name="language"/> (data: <c>att:&lt;id&gt;:y|n</c>).</summary>
    /// <remarks>With <paramref name="attends"/> (the delegation's answer), the chosen button is marked ✓.</remarks>
    public static IReadOnlyList<Button> AttendButtons(long sessionId, string language = Languages.English, bool? attends = null) =>
    [
        new Button((attends == true ? "✓ " : "") + Catalogue.Text(language, "Sessions.Button.Attend"), $"{AttendCallbackHandler.Prefix}:{sessionId.ToString(CultureInfo.InvariantCulture)}:y"),
        new Button((attends == false ? "✓ " : "") + Catalogue.Text(language, "Sessions.Button.Decline"), $"{AttendCallbackHandler.Prefix}:{sessionId.ToString(CultureInfo.InvariantCulture)}:n"),
    ];

    /// <summary>"1 day", "1 hour 5 minutes", "10 minutes", rounded to the minute.</summary>
    public static string Until(TimeSpan span, string language = Languages.English)
    {
        var minutes = (long)Math.Round(Math.Max(0, span.TotalMinutes));
        if (minutes == 0)
        {
            return Catalogue.Text(language, "Sessions.LessThanAMinute");
        }

        var days = minutes / 1440;
        var hours = minutes % 1440 / 60;
        var rest = minutes % 60;
        var parts = new List<string>();
        if (days > 0)
        {
            parts.Add(Plural(language, "Sessions.Days", days));
        }

        if (hours > 0)
        {
            parts.Add(Plural(language, "Sessions.Hours", hours));
        }

        if (rest > 0)
        {
            parts.Add(Plural(language, "Sessions.Minutes", rest));
        }

        return string.Join(' ', parts);
    }

    // A part of a longer line: without the line's own direction mark, which the whole line gets once.
    private static string Plural(string language, string key, long n) =>
        Catalogue.Plural(language, key, n).Replace(Bidi.RightToLeftMark.ToString(), string.Empty, StringComparison.Ordinal);
}
