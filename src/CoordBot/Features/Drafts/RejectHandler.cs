using CoordBot.Domain.Membership;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary><c>/reject M&lt;n&gt; [reason]</c>: the penholder rejects an amendment, optionally saying why.</summary>
internal sealed class RejectHandler(DraftDesk desk, AmendmentOffers offers) : DecideAmendmentCommand(desk, offers, accept: false)
{
    public override CommandInfo Info { get; } = new("reject", "/reject M<n> [reason]", "Penholder: reject an amendment")
    {
        Rule = Rules.Of(Permissions.MayHoldPens),
        Where = ChatScope.CouncilChat,
        Example = "/reject M4 Not consistent with §1 (amendments are listed by /comments D<n>)", ExampleKey = "Walk8.Example.reject",
    };

    protected override Decision Parse(ArgReader args) => new(args.Id('M'), args.Rest(optional: true));
}
