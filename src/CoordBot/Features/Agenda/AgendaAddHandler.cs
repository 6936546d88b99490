using CoordBot.Domain.Agenda;
using CoordBot.Features.Sessions;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Agenda;

/// <summary><c>/agenda_add S&lt;n&gt; &lt;title&gt;</c>: a new item at the end.</summary>
internal sealed class AgendaAddHandler(AgendaNotices notices) : Command<AgendaAddHandler.Arguments>
{
    /// <summary>The declaration, also read by the button that offers this command under a session (<see cref="CommandGate.Refusal"/>).</summary>
    internal static readonly CommandInfo Declaration = new("agenda_add", "/agenda_add S<n> <title>", "Add an item to a session's agenda (chair or convenor)")
    {
        Rule = SessionRules.RunSessions,
        Where = ChatScope.CouncilChat,
        Example = "/agenda_add S3 The situation in Libya",
    };

    public override CommandInfo Info => Declaration;

    protected override Arguments Parse(ArgReader args) => new(EntityRef.Read(args, 'S'), args.Rest());

    protected override async Task ExecuteAsync(CommandContext context, Arguments args, CancellationToken cancellationToken)
    {
        var (sessionId, title) = args;
        var session = await SessionAccess.FindForAsync(context, Info, sessionId, cancellationToken);
        if (session is null || !AgendaAccess.Manage(context, session, "Add"))
        {
            return;
        }

        if (session.CancelledAt is not null || session.EndUtc <= context.Update.NowUtc)
        {
            context.Reply(context.Text(session.CancelledAt is not null ? "Agenda.ClosedCancelled" : "Agenda.ClosedOver", session.Label));
            return;
        }

        if (title.Length > 300)
        {
            context.Reply(context.Text("Agenda.TitleTooLong"));
            return;
        }

        var db = context.Update.Db;
        var count = await db.AgendaItems.CountAsync(i => i.SessionId == session.Id, cancellationToken);
        var item = new AgendaItem
        {
            SessionId = session.Id,
            Position = count + 1,
            Title = title,
            Status = AgendaItemStatus.Proposed,
            CreatedBy = context.Actor.UserId,
            CreatedAt = context.Update.NowUtc,
        };
        db.AgendaItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        context.Update.Audit("agenda.added", $"{item.Label} to {session.Label}");
        context.Reply(context.Text("Agenda.Added", item.Label, Html.Escape(title), item.Position, session.Label));
        await notices.AddedAsync(db, context.Update.Outbox, session, item, context.Update.ChatId, cancellationToken);
    }

    internal sealed record Arguments(EntityRef Session, string Title);
}
