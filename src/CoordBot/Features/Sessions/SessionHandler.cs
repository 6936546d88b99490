using CoordBot.Domain.Membership;
using CoordBot.Features.Agenda;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Sessions;

/// <summary><c>/session S&lt;n&gt;</c>: format, convenor, time, agenda and who attends, with the actions the reader may take on it now.</summary>
internal sealed class SessionHandler(SessionRendering rendering, AgendaText agenda) : SessionCommand
{
    /// <summary>The declaration, also read by the buttons that offer this command (<see cref="CommandGate.Refusal"/>).</summary>
    internal static readonly CommandInfo Declaration = new("session", "/session S<n>", "Details of a session: time, agenda, who attends")
    {
        Rule = Rules.Member,
        Where = ChatScope.CouncilChat,
        Example = "/session S3",
    };

    public override CommandInfo Info => Declaration;

    protected override async Task ExecuteAsync(CommandContext context, Session session, CancellationToken cancellationToken)
    {
        var db = context.Update.Db;
        var answers = await db.SessionAttendances.AsNoTracking().Where(a => a.SessionId == session.Id).ToListAsync(cancellationToken);
        var zone = context.Actor.TimeZone;
        var language = context.Update.Language;
        var now = context.Update.NowUtc;
        var status = session.CancelledAt is not null
            ? "Sessions.Status.Cancelled"
            : session.EndUtc <= now ? "Sessions.Status.Held" : session.StartUtc <= now ? "Sessions.Status.InProgress" : "Sessions.Status.Scheduled";
        context.Update.Reply(
            $"{SessionRendering.Headline(session, language)}, {Catalogue.Text(language, status)}\n" +
            $"{rendering.Convenor(session, language)}\n" +
            context.Text("Sessions.Starts", SessionRendering.When(session, zone, language)) + "\n" +
            context.Text("Sessions.SetIn", Html.Escape(session.ZoneId)) + MeetingLinks.Line(session, language) + "\n" +
            $"{rendering.Attendance(answers, language)}\n" +
            await agenda.ForSessionAsync(db, session.Id, cancellationToken, language) +
            "\n" + context.Text("Sessions.CalendarLine", session.Label),
            Actions(context.Update, session));
    }

    /// <summary>
    /// What this reader may do with the session now, each by the declaration of the command the button runs (the
    /// router's gate) and the session's own state and manager, exactly as the command itself will decide.
    /// </summary>
    internal static IReadOnlyList<IReadOnlyList<Button>> Actions(UpdateContext update, Session session)
    {
        var language = update.Language;
        var now = update.NowUtc;
        var rows = new List<IReadOnlyList<Button>>();
        if (SessionAccess.IsOpen(session, now) && Offers(AttendHandler.Declaration, update) && Permissions.MayAnswerAttendance(update.Actor).IsAllowed)
        {
            rows.Add(SessionNotifier.AttendButtons(session.Id, language));
        }

        var look = new List<Button>();
        if (Offers(IcsHandler.Declaration, update))
        {
            look.Add(CommandButton.For(Catalogue.Text(language, "Sessions.Button.Calendar"), $"ics {session.Label}"));
        }

        if (Offers(AgendaHandler.Declaration, update))
        {
            look.Add(CommandButton.For(Catalogue.Text(language, "Sessions.Button.Agenda"), $"agenda {session.Label}"));
        }

        if (look.Count > 0)
        {
            rows.Add(look);
        }

        var manage = new List<Button>();
        var manages = SessionAccess.MayManage(session, update.Actor);
        if (manages && SessionAccess.IsMovable(session, now) && Offers(RescheduleHandler.Declaration, update))
        {
            manage.Add(CommandButton.For(Catalogue.Text(language, "Sessions.Button.Reschedule"), $"reschedule {session.Label}"));
        }

        // The agenda is the chair's next step once a session is scheduled: the button asks the item's title only.
        if (manages && SessionAccess.IsOpen(session, now) && Offers(AgendaAddHandler.Declaration, update))
        {
            manage.Add(CommandButton.For(Catalogue.Text(language, "Sessions.Button.AddAgendaItem"), $"agenda_add {session.Label}"));
        }

        if (manages && SessionAccess.IsOpen(session, now) && Offers(CancelHandler.Declaration, update))
        {
            manage.Add(CommandButton.For(Catalogue.Text(language, "Sessions.Button.Cancel"), $"cancel {session.Label}"));
        }

        if (manage.Count > 0)
        {
            rows.Add(manage);
        }

        return rows;
    }

    private static bool Offers(CommandInfo info, UpdateContext update) => CommandGate.Refusal(info, update) is null;
}
