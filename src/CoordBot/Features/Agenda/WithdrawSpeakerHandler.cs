using CoordBot.Features.Sessions;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Agenda;

/// <summary><c>/withdraw_speaker A&lt;n&gt;</c>: the delegation leaves the list.</summary>
internal sealed class WithdrawSpeakerHandler(SpeakerListChange change) : Command<EntityRef>
{
    public override CommandInfo Info { get; } = new("withdraw_speaker", "/withdraw_speaker A<n>", "Take your delegation off an item's list of speakers")
    {
        // Any member at the door: who speaks is asked after the lookup, so that an observer learns nothing of an item it may not see.
        Rule = Rules.Member,
        Where = ChatScope.CouncilChat,
        Example = "/withdraw_speaker A7",
    };

    protected override EntityRef Parse(ArgReader args) => EntityRef.Read(args, 'A');

    protected override Task ExecuteAsync(CommandContext context, EntityRef args, CancellationToken cancellationToken) =>
        change.ApplyAsync(context, Info, args, "agenda.withdraw_speaker", (list, code) => list.Withdraw(code),
            (name, item, _) => $"{name} is off the list of speakers on {item}.", cancellationToken);
}
