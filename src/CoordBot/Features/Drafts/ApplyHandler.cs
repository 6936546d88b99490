using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary>
/// <c>/apply D&lt;n&gt; [M&lt;a&gt;,M&lt;b&gt;]</c>: the penholder's next version with the accepted amendments applied, shown as a
/// diff with a button to make it; <c>/apply D&lt;n&gt; v&lt;k&gt; M&lt;a&gt;,...</c> (that button) makes it while the draft is at v&lt;k&gt;.
/// </summary>
internal sealed class ApplyHandler(DraftDesk desk, AmendmentOffers offers) : PenholderCommand<string>(desk)
{
    public override CommandInfo Info { get; } = Declare("apply", "/apply D<n> [M<a>,M<b>,...]", "Penholder: the next version with accepted amendments applied", "/apply D3, or /apply D3 M4,M6 to take only those");

    protected override DraftAction? Action => DraftAction.Revise;

    protected override string ParseArguments(ArgReader args) => args.Rest(optional: true);

    protected override async Task ExecuteAsync(CommandContext context, Draft draft, string args, CancellationToken cancellationToken)
    {
        int? confirmOn = null;
        List<long>? ids = null;
        foreach (var word in args.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (confirmOn is null && ids is null && DraftRefs.TryParseVersion(word, out var version))
            {
                confirmOn = version;
            }
            else if (DraftRefs.TryParse(word, 'M', out var id))
            {
                (ids ??= []).Add(id);
            }
            else
            {
                context.Reply(context.Text("Drafting.Apply.Usage", Html.Escape(word), draft.Label));
                return;
            }
        }

        await offers.RunAsync(context, draft, ids, confirmOn, cancellationToken);
    }
}
