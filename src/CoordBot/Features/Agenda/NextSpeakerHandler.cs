using CoordBot.Council;
using CoordBot.Features.Sessions;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Agenda;

/// <summary><c>/next A&lt;n&gt;</c>: the chair gives the floor to the next speaker; that delegation is told.</summary>
internal sealed class NextSpeakerHandler(CouncilProvider council, SessionNotifier notifier, SpeakersView view) : AgendaItemCommand
{
    /// <summary>The declaration, also read by the buttons that offer this command (<see cref="CommandGate.Refusal"/>).</summary>
    internal static readonly CommandInfo Declaration = new("next", "/next A<n>", "Give the floor to the next speaker on an item (chair)")
    {
        Rule = SessionRules.RunSessions,
        Where = ChatScope.CouncilChat,
        Example = "/next A7",
    };

    public override CommandInfo Info => Declaration;

    protected override async Task ExecuteAsync(CommandContext context, AgendaItem item, Session session, CancellationToken cancellationToken)
    {
        if (!AgendaAccess.Manage(context, session, "Floor"))
        {
            return;
        }

        var db = context.Update.Db;
        var rows = await AgendaAccess.SpeakerRowsAsync(db, item.Id, cancellationToken);
        var changed = AgendaAccess.ListOf(rows, council.Council.NameOf).CallNext();
        if (!changed.TryGetValue(out var list))
        {
            var reader = context.Update.Language;
            context.Reply(Bidi.Lines(reader, $"{Bidi.Isolate(reader, item.Label)}: {Html.Escape(Reasons.Text(reader, changed.Refusal!))}{(reader == "zh" ? "。" : ".")}"));
            return;
        }

        AgendaAccess.Save(db, item.Id, rows, list, context.Update.NowUtc);
        if (list.Current is not { } speaker)
        {
            context.Update.Audit("agenda.next", $"{item.Label} list closed");
            context.Reply(context.Text("Agenda.ListExhausted", item.Label));
            await view.RefreshAsync(context.Update, item, session, cancellationToken);
            return;
        }

        context.Update.Audit("agenda.next", $"{item.Label} {speaker}");
        var waiting = list.Waiting.Count;
        var language = context.Update.Language;
        var queue = waiting == 0 ? Catalogue.Text(language, "Agenda.NobodyWaiting") : Catalogue.Plural(language, "Agenda.Waiting", waiting);
        context.Reply(context.Text("Agenda.Floor", item.Label, Html.Escape(council.Council.NameOf(speaker, language)), queue));
        await view.RefreshAsync(context.Update, item, session, cancellationToken);
        await notifier.SendAsync(db, context.Update.Outbox, session, [speaker], (_, to) =>
            Catalogue.Format(to, "Agenda.YouHaveFloor", SessionRendering.Headline(session, to), item.Label, Html.Escape(item.Title)), null, cancellationToken);
    }
}
