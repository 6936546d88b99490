using System.Text;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace CoordBot.Features.Sessions;

/// <summary><c>/ics S&lt;n&gt;</c>: an iCalendar file of the session, its start as a UTC instant.</summary>
internal sealed class IcsHandler(SessionRendering rendering) : SessionCommand
{
    /// <summary>The declaration, also read by the buttons that offer this command (<see cref="CommandGate.Refusal"/>).</summary>
    internal static readonly CommandInfo Declaration = new("ics", "/ics S<n>", "A calendar file (.ics) of a session")
    {
        Rule = Rules.Member,
        Where = ChatScope.CouncilChat,
        Example = "/ics S3",
    };

    public override CommandInfo Info => Declaration;

    protected override async Task ExecuteAsync(CommandContext context, Session session, CancellationToken cancellationToken)
    {
        // The file is written in the requester's language; its name stays ASCII.
        var language = context.Update.Language;
        var bytes = Encoding.UTF8.GetBytes(Build(session, rendering.Convenor(session, language), context.Update.NowUtc, context.Update.BotUsername, language));
        context.Update.Outbox.SendDocument(
            context.Update.ChatId,
            $"{session.Label}.ics",
            bytes,
            $"{SessionRendering.Headline(session, language)}\n{Bidi.Lines(language, Dates.InZoneAndUtc(language, session.StartUtc, context.Actor.TimeZone))}");
    }

    public static string Build(Session session, string convenorHtml, DateTime nowUtc, string botUsername, string language = Languages.English)
    {
        ArgumentNullException.ThrowIfNull(session);
        var start = DateTime.SpecifyKind(session.StartUtc, DateTimeKind.Utc);
        var calendarEvent = new CalendarEvent
        {
            Uid = $"session-{session.Id}@{botUsername}",
            Summary = $"{session.Label} {session.Title}",
            // Plain text: no direction marks or isolates, which calendar programs would show as stray characters.
            Description = string.Format(
                Catalogue.FormatCulture(language),
                Catalogue.Text(language, "Sessions.IcsDescription"),
                SessionRendering.FormatName(session.Format, language),
                Plain(Html.Unescape(convenorHtml)),
                session.ZoneId),
            Start = new CalDateTime(start, CalDateTime.UtcTzId),
            End = new CalDateTime(start.AddMinutes(session.DurationMinutes), CalDateTime.UtcTzId),
            DtStamp = new CalDateTime(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), CalDateTime.UtcTzId),
            Status = session.CancelledAt is null ? EventStatus.Confirmed : EventStatus.Cancelled,
        };
        if (session.MeetingUrl is { } link)
        {
            // Calendar programs offer the URL as the place to join; the location says the same for those that show only it.
            calendarEvent.Url = new Uri(link);
            calendarEvent.Location = link;
        }

        var calendar = new Calendar { ProductId = "-//CoordBot//Sessions//EN" };
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    private static string Plain(string text) =>
        text.Replace(Bidi.FirstStrongIsolate.ToString(), string.Empty, StringComparison.Ordinal)
            .Replace(Bidi.PopDirectionalIsolate.ToString(), string.Empty, StringComparison.Ordinal)
            .Replace(Bidi.RightToLeftMark.ToString(), string.Empty, StringComparison.Ordinal);
}
