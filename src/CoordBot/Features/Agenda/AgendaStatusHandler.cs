using CoordBot.Localization;
using CoordBot.Domain.Agenda;
using CoordBot.Features.Sessions;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Agenda;

/// <summary><c>/agenda_status A&lt;n&gt; &lt;status&gt;</c>; announced to the delegations taking part.</summary>
internal sealed class AgendaStatusHandler(SessionNotifier notifier, AgendaText agenda) : Command<AgendaStatusHandler.Arguments>
{
    // The English words, and each status as the other official languages write it (one word, as typed after the id).
    private static readonly Dictionary<string, AgendaItemStatus> Statuses = Languages.All
        .SelectMany(l => Enum.GetValues<AgendaItemStatus>().Select(s => (Word: AgendaText.StatusWord(s, l).ToLowerInvariant(), Status: s))
            .Append((Word: Catalogue.Text(l, "Arg.discussing").ToLowerInvariant(), Status: AgendaItemStatus.Discussing))) // one word to type where the name is two (en discussion)
        .Where(w => !w.Word.Contains(' ', StringComparison.Ordinal))
        .DistinctBy(w => w.Word)
        .ToDictionary(w => w.Word, w => w.Status, StringComparer.Ordinal);

    public override CommandInfo Info { get; } = new("agenda_status", "/agenda_status A<n> <proposed|adopted|discussing|concluded|deferred>", "Change an agenda item's status (chair or convenor)")
    {
        Rule = SessionRules.RunSessions,
        Where = ChatScope.CouncilChat,
    };

    protected override Arguments Parse(ArgReader args) => new(EntityRef.Read(args, 'A'), args.Choice(Statuses));

    protected override async Task ExecuteAsync(CommandContext context, Arguments args, CancellationToken cancellationToken)
    {
        var status = args.Status;
        if (await AgendaAccess.FindItemAsync(context, Info, args.Item, cancellationToken) is not ({ } item, { } session) || !AgendaAccess.Manage(context, session, "Status"))
        {
            return;
        }

        if (session.CancelledAt is not null)
        {
            context.Reply(context.Text("Agenda.ClosedCancelled", session.Label));
            return;
        }

        var verdict = AgendaTransitions.Check(item.Status, status);
        if (!Access.Allowed(context, verdict))
        {
            return;
        }

        var before = item.Status;
        item.Status = status;
        context.Update.Audit("agenda.status", $"{item.Label} {before} -> {status}");
        context.Reply(context.Text("Agenda.StatusChanged", item.Label, AgendaText.StatusWord(status, context.Update.Language), session.Label));

        var db = context.Update.Db;
        var codes = await notifier.ExpectedCodesAsync(db, session.Id, cancellationToken);
        await notifier.SendAsync(db, context.Update.Outbox, session, codes, (_, language) =>
            Catalogue.Format(language, "Agenda.StatusNotice", SessionRendering.Headline(session, language), agenda.Line(item, null, language), AgendaText.StatusWord(status, language)), null, cancellationToken);
    }

    internal sealed record Arguments(EntityRef Item, AgendaItemStatus Status);
}
