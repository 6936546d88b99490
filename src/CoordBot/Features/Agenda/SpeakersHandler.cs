using CoordBot.Features.Sessions;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Agenda;

/// <summary><c>/speakers A&lt;n&gt;</c>: the list of speakers in order, with who has spoken, and the reader's actions on it.</summary>
internal sealed class SpeakersHandler(SpeakersView view) : AgendaItemCommand
{
    /// <summary>The declaration, also read by the buttons that offer this command (<see cref="CommandGate.Refusal"/>).</summary>
    internal static readonly CommandInfo Declaration = new("speakers", "/speakers A<n>", "The list of speakers on an agenda item")
    {
        Rule = Rules.Member,
        Where = ChatScope.CouncilChat,
        Example = "/speakers A7",
    };

    public override CommandInfo Info => Declaration;

    protected override Task ExecuteAsync(CommandContext context, AgendaItem item, Session session, CancellationToken cancellationToken) =>
        view.ShowAsync(context.Update, item, session, cancellationToken);
}
