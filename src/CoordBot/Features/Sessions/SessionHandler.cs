using CoordBot.Features.Agenda;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Sessions;

/// <summary><c>/session S&lt;n&gt;</c>: format, convenor, time, agenda and who attends.</summary>
internal sealed class SessionHandler(SessionRendering rendering, AgendaText agenda) : SessionCommand
{
    public override CommandInfo Info { get; } = new("session", "/session S<n>", "Details of a session: time, agenda, who attends")
    {
        Rule = Rules.Member,
        Where = ChatScope.CouncilChat,
        Example = "/session S3",
    };

    protected override async Task ExecuteAsync(CommandContext context, Session session, CancellationToken cancellationToken)
    {
        var db = context.Update.Db;
        var answers = await db.SessionAttendances.AsNoTracking().Where(a => a.SessionId == session.Id).ToListAsync(cancellationToken);
        var zone = context.Actor.TimeZone;
        var status = session.CancelledAt is not null
            ? "CANCELLED"
            : session.EndUtc <= context.Update.NowUtc ? "held" : session.StartUtc <= context.Update.NowUtc ? "in progress" : "scheduled";
        context.Reply(
            $"{SessionRendering.Headline(session)}, {status}\n" +
            $"{rendering.Convenor(session)}\n" +
            $"Starts: {SessionRendering.When(session, zone)}\n" +
            $"Set in: {Html.Escape(session.ZoneId)}\n" +
            $"{rendering.Attendance(answers)}\n" +
            await agenda.ForSessionAsync(db, session.Id, cancellationToken) +
            $"\nCalendar file: /ics {session.Label}");
    }
}
