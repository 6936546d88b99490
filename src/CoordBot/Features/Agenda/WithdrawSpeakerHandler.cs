using CoordBot.Localization;
using CoordBot.Features.Sessions;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Agenda;

/// <summary><c>/withdraw_speaker A&lt;n&gt;</c>: the delegation leaves the list.</summary>
internal sealed class WithdrawSpeakerHandler(SpeakerListChange change) : AgendaItemCommand
{
    /// <summary>The declaration, also read by the buttons that offer this command (<see cref="CommandGate.Refusal"/>).</summary>
    internal static readonly CommandInfo Declaration = new("withdraw_speaker", "/withdraw_speaker A<n>", "Take your delegation off an item's list of speakers")
    {
        // Any member at the door: who speaks is asked after the lookup, so that an observer learns nothing of an item it may not see.
        Rule = Rules.Member,
        Where = ChatScope.CouncilChat,
        Example = "/withdraw_speaker A7",
    };

    public override CommandInfo Info => Declaration;

    protected override Task ExecuteAsync(CommandContext context, AgendaItem item, Session session, CancellationToken cancellationToken) =>
        change.ApplyAsync(context, item, session, "agenda.withdraw_speaker", (list, code) => list.Withdraw(code),
            (name, label, _) => context.Text("Agenda.Withdrawn", name, label), cancellationToken);
}
