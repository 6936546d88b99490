using CoordBot.Localization;
using CoordBot.Features.Sessions;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Agenda;

/// <summary><c>/speak A&lt;n&gt;</c>: the delegation asks for the floor (once).</summary>
internal sealed class SpeakHandler(SpeakerListChange change) : AgendaItemCommand
{
    /// <summary>The declaration, also read by the buttons that offer this command (<see cref="CommandGate.Refusal"/>).</summary>
    internal static readonly CommandInfo Declaration = new("speak", "/speak A<n>", "Put your delegation on an item's list of speakers")
    {
        // Any member at the door: who speaks is asked after the lookup, so that an observer learns nothing of an item it may not see.
        Rule = Rules.Member,
        Where = ChatScope.CouncilChat,
        Example = "/speak A7",
    };

    public override CommandInfo Info => Declaration;

    protected override Task ExecuteAsync(CommandContext context, AgendaItem item, Session session, CancellationToken cancellationToken) =>
        change.ApplyAsync(context, item, session, "agenda.speak", (list, code) => list.Inscribe(code),
            (name, label, list) => context.Text("Agenda.Inscribed", name, label, list.Speakers.Count), cancellationToken);
}
