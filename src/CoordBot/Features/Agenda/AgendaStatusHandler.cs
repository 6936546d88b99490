using CoordBot.Domain.Agenda;
using CoordBot.Features.Sessions;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Agenda;

/// <summary><c>/agenda_status A&lt;n&gt; &lt;status&gt;</c>; announced to the delegations taking part.</summary>
internal sealed class AgendaStatusHandler(SessionNotifier notifier, AgendaText agenda) : Command<AgendaStatusHandler.Arguments>
{
    private static readonly Dictionary<string, AgendaItemStatus> Statuses =
        Enum.GetValues<AgendaItemStatus>().ToDictionary(s => s.ToString().ToLowerInvariant(), StringComparer.Ordinal);

    public override CommandInfo Info { get; } = new("agenda_status", "/agenda_status A<n> <proposed|adopted|discussing|concluded|deferred>", "Change an agenda item's status (chair or convenor)")
    {
        Rule = SessionRules.RunSessions,
        Where = ChatScope.CouncilChat,
    };

    protected override Arguments Parse(ArgReader args) => new(EntityRef.Read(args, 'A'), args.Choice(Statuses));

    protected override async Task ExecuteAsync(CommandContext context, Arguments args, CancellationToken cancellationToken)
    {
        var status = args.Status;
        if (await AgendaAccess.FindItemAsync(context, Info, args.Item, cancellationToken) is not ({ } item, { } session) || !AgendaAccess.Manage(context, session, "change statuses"))
        {
            return;
        }

        if (session.CancelledAt is not null)
        {
            context.Reply($"{session.Label} is cancelled; its agenda is closed.");
            return;
        }

        var verdict = AgendaTransitions.Check(item.Status, status);
        if (!Access.Allowed(context, verdict))
        {
            return;
        }

        var before = item.Status;
        item.Status = status;
        var word = status.ToString().ToLowerInvariant();
        context.Update.Audit("agenda.status", $"{item.Label} {before} -> {status}");
        context.Reply($"{item.Label} is now {word}. The delegations taking part in {session.Label} are told.");

        var db = context.Update.Db;
        var declined = await db.SessionAttendances.AsNoTracking().Where(a => a.SessionId == session.Id && !a.Attends).Select(a => a.DelegationCode).ToListAsync(cancellationToken);
        var codes = notifier.AllCodes().Except(declined).ToList();
        await notifier.SendAsync(db, context.Update.Outbox, session, codes, _ =>
            $"{SessionRendering.Headline(session)}: item {agenda.Line(item)} is now <b>{word}</b>.", null, cancellationToken);
    }

    internal sealed record Arguments(EntityRef Item, AgendaItemStatus Status);
}
