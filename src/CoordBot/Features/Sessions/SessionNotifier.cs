using CoordBot.Council;
using CoordBot.Domain.Sessions;
using CoordBot.Features.Agenda;
using CoordBot.Features.Delegations;
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

    /// <summary>Every delegation hears of a new, moved or cancelled session (observers too for an Arria-formula meeting).</summary>
    public async Task<int> AnnounceAsync(CoordBotDb db, Outbox outbox, Session session, SessionChange change, DateTime? previousStartUtc, CancellationToken cancellationToken)
    {
        var agendaText = change == SessionChange.Cancelled ? null : await agenda.ForSessionAsync(db, session.Id, cancellationToken);
        var codes = council.Council.Members.Select(m => m.Code).ToList();
        return await SendAsync(db, outbox, session, codes, zone =>
        {
            var head = change switch
            {
                SessionChange.Scheduled => "New session",
                SessionChange.Moved => "Session moved",
                _ => "Session cancelled",
            };
            var lines = new List<string> { $"{head}: {SessionRendering.Headline(session)}, {rendering.Convenor(session)}." };
            if (change == SessionChange.Moved && previousStartUtc is { } before)
            {
                lines.Add($"Was: {TimeDisplay.InZoneAndUtc(before, zone)}");
                lines.Add($"Now: {SessionRendering.When(session, zone)}");
            }
            else
            {
                lines.Add($"{(change == SessionChange.Cancelled ? "It was to start" : "Starts")}: {SessionRendering.When(session, zone)}");
            }

            if (agendaText is not null)
            {
                lines.Add(agendaText);
                lines.Add($"Will your delegation attend? Heads and deputies answer with the buttons or /attend {session.Label} yes|no.");
            }

            return string.Join('\n', lines);
        }, change == SessionChange.Cancelled ? null : AttendButtons(session), cancellationToken);
    }

    /// <summary>The reminder before the start, to every delegation that has not said it will not attend.</summary>
    public async Task<int> RemindAsync(CoordBotDb db, Outbox outbox, Session session, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var declined = await db.SessionAttendances.AsNoTracking()
            .Where(a => a.SessionId == session.Id && !a.Attends)
            .Select(a => a.DelegationCode)
            .ToListAsync(cancellationToken);
        var codes = council.Council.Members.Select(m => m.Code).Except(declined).ToList();
        var agendaText = await agenda.ForSessionAsync(db, session.Id, cancellationToken);
        var inText = Until(session.StartUtc - nowUtc);
        return await SendAsync(db, outbox, session, codes, zone =>
            $"Reminder: {SessionRendering.Headline(session)} starts in {inText}.\n" +
            $"Starts: {SessionRendering.When(session, zone)}\n{agendaText}",
            AttendButtons(session), cancellationToken);
    }

    /// <summary>Sends to the given delegations, each chat reading times in its own zone.</summary>
    public async Task<int> SendAsync(
        CoordBotDb db,
        Outbox outbox,
        Session session,
        IReadOnlyCollection<string> codes,
        Func<string, string> htmlForZone,
        IReadOnlyList<IReadOnlyList<Button>>? buttons,
        CancellationToken cancellationToken)
    {
        var includeObservers = SessionFormats.AdmitsObservers(session.Format);
        var recipients = await messenger.RecipientsAsync(db, codes, includeObservers, cancellationToken);
        var privateChats = recipients.Values.SelectMany(c => c).Where(c => c > 0).Distinct().ToList();
        var zones = await db.People.AsNoTracking()
            .Where(p => privateChats.Contains(p.UserId))
            .ToDictionaryAsync(p => p.UserId, p => p.TimeZone, cancellationToken);
        var count = 0;
        foreach (var chat in recipients.Values.SelectMany(c => c).Distinct())
        {
            var zone = chat > 0 && zones.TryGetValue(chat, out var own) ? own : session.ZoneId;
            outbox.Send(chat, htmlForZone(zone), buttons);
            count++;
        }

        return count;
    }

    public static IReadOnlyList<IReadOnlyList<Button>> AttendButtons(Session session) =>
    [
        [new Button("We attend", $"{AttendCallbackHandler.Prefix}:{session.Id}:y"), new Button("We do not attend", $"{AttendCallbackHandler.Prefix}:{session.Id}:n")],
    ];

    /// <summary>"1 day", "1 hour 5 minutes", "10 minutes", rounded to the minute.</summary>
    public static string Until(TimeSpan span)
    {
        var minutes = (long)Math.Round(Math.Max(0, span.TotalMinutes));
        if (minutes == 0)
        {
            return "less than a minute";
        }

        var days = minutes / 1440;
        var hours = minutes % 1440 / 60;
        var rest = minutes % 60;
        var parts = new List<string>();
        if (days > 0)
        {
            parts.Add(Plural(days, "day"));
        }

        if (hours > 0)
        {
            parts.Add(Plural(hours, "hour"));
        }

        if (rest > 0)
        {
            parts.Add(Plural(rest, "minute"));
        }

        return string.Join(' ', parts);
    }

    private static string Plural(long n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
