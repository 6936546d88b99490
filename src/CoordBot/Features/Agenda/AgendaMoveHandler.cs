using CoordBot.Domain.Agenda;
using CoordBot.Features.Sessions;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Agenda;

/// <summary><c>/agenda_move A&lt;n&gt; &lt;position&gt;</c>.</summary>
internal sealed class AgendaMoveHandler(AgendaNotices notices) : Command<AgendaMoveHandler.Arguments>
{
    public override CommandInfo Info { get; } = new("agenda_move", "/agenda_move A<n> <position>", "Move an agenda item to another position (chair or convenor)")
    {
        Rule = SessionRules.RunSessions,
        Where = ChatScope.CouncilChat,
        Example = "/agenda_move A7 1",
    };

    // Any whole number parses; AgendaOrder says when the position is out of range.
    protected override Arguments Parse(ArgReader args) => new(EntityRef.Read(args, 'A'), (int)args.Number(0, int.MaxValue));

    protected override async Task ExecuteAsync(CommandContext context, Arguments args, CancellationToken cancellationToken)
    {
        var position = args.Position;
        if (await AgendaAccess.FindItemAsync(context, Info, args.Item, cancellationToken) is not ({ } item, { } session) || !AgendaAccess.Manage(context, session, "Move"))
        {
            return;
        }

        var db = context.Update.Db;
        var items = await db.AgendaItems.Where(i => i.SessionId == session.Id).OrderBy(i => i.Position).ToListAsync(cancellationToken);
        var moved = AgendaOrder.Move(items.Select(i => i.Id).ToList(), item.Id, position);
        if (!moved.TryGetValue(out var order))
        {
            context.Reply(context.Text("Agenda.MoveFailed", item.Label, Html.Escape(Reasons.Text(context.Update.Language, moved.Refusal!))));
            return;
        }

        // Once the session has started, the order of adopted items is the chair's alone (not a convenor's).
        var adopted = items.Where(i => i.Status == AgendaItemStatus.Adopted).Select(i => i.Id).ToList();
        if (session.StartUtc <= context.Update.NowUtc && !context.Actor.IsChair && !order.Where(adopted.Contains).SequenceEqual(adopted))
        {
            context.Reply(context.Text("Agenda.MoveStarted", session.Label));
            return;
        }

        for (var i = 0; i < order.Count; i++)
        {
            items.Single(x => x.Id == order[i]).Position = i + 1;
        }

        context.Update.Audit("agenda.moved", $"{item.Label} to {position}");
        var language = context.Update.Language;
        var lines = items.OrderBy(i => i.Position).Select(i => Bidi.Lines(language, Bidi.Isolate(language, $"{i.Position}. {i.Label}") + $" {Html.Escape(i.Title)}"));
        context.Reply($"{context.Text("Agenda.Moved", item.Label, position, session.Label)}\n{string.Join('\n', lines)}");
        await notices.MovedAsync(db, context.Update.Outbox, session, item, context.Update.ChatId, cancellationToken);
    }

    internal sealed record Arguments(EntityRef Item, int Position);
}
