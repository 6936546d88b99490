using CoordBot.Domain.Membership;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary><c>/accept M&lt;n&gt;</c>: the penholder accepts an amendment and is offered the next version with it applied.</summary>
internal sealed class AcceptHandler(DraftDesk desk, AmendmentOffers offers) : DecideAmendmentCommand(desk, offers, accept: true)
{
    public override CommandInfo Info { get; } = new("accept", "/accept M<n>", "Penholder: accept an amendment")
    {
        Rule = Rules.Of(Permissions.MayHoldPens),
        Where = ChatScope.CouncilChat,
        Example = "/accept M4 (amendments are listed by /comments D<n>)", ExampleKey = "Walk8.Example.accept",
    };

    protected override Decision Parse(ArgReader args) => new(args.Id('M'), null);
}
