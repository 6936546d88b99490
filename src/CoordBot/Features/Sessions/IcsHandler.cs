using System.Text;
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
    public override CommandInfo Info { get; } = new("ics", "/ics S<n>", "A calendar file (.ics) of a session")
    {
        Rule = Rules.Member,
        Where = ChatScope.CouncilChat,
        Example = "/ics S3",
    };

    protected override async Task ExecuteAsync(CommandContext context, Session session, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(Build(session, rendering.Convenor(session), context.Update.NowUtc, context.Update.BotUsername));
        context.Update.Outbox.SendDocument(
            context.Update.ChatId,
            $"{session.Label}.ics",
            bytes,
            $"{SessionRendering.Headline(session)}\n{TimeDisplay.InZoneAndUtc(session.StartUtc, context.Actor.TimeZone)}");
    }

    public static string Build(Session session, string convenorHtml, DateTime nowUtc, string botUsername)
    {
        var start = DateTime.SpecifyKind(session.StartUtc, DateTimeKind.Utc);
        var calendarEvent = new CalendarEvent
        {
            Uid = $"session-{session.Id}@{botUsername}",
            Summary = $"{session.Label} {session.Title}",
            Description = $"{SessionRendering.FormatName(session.Format)}, {Html.Unescape(convenorHtml)}. Set in {session.ZoneId}.",
            Start = new CalDateTime(start, CalDateTime.UtcTzId),
            End = new CalDateTime(start.AddMinutes(session.DurationMinutes), CalDateTime.UtcTzId),
            DtStamp = new CalDateTime(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), CalDateTime.UtcTzId),
            Status = session.CancelledAt is null ? EventStatus.Confirmed : EventStatus.Cancelled,
        };
        var calendar = new Calendar { ProductId = "-//CoordBot//Sessions//EN" };
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }
}
