using CoordBot.Domain.Council;
using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary>
/// <c>/kind D&lt;n&gt; &lt;resolution|prst|press&gt;</c>: the penholder says what the text is (under negotiation only), which
/// decides how it is agreed: a resolution is voted, a presidential statement agreed by consensus and read at a meeting,
/// a press statement agreed under silence. A separate command, so that <c>/draft_new</c>'s typed form (whose title may
/// well start with "Press statement") keeps its meaning. A body offers and accepts only the kinds it uses (<see cref="BodyKinds"/>):
/// a committee under the no-objection procedure agrees decisions only.
/// </summary>
internal sealed class KindHandler(DraftDesk desk) : PenholderCommand<DraftKind>(desk)
{
    // Declared once per kind of body: the usage line offers the kinds the body uses (BodyKinds), so /help in a committee
    // offers no kind the committee refuses. The Council's declaration is the one it always was.
    private static readonly CommandInfo InCouncil = Declare("kind", Usage(WrittenProcedure.Silence), "Penholder: say whether a draft is a resolution, a presidential statement or a press statement", "/kind D3 prst");

    private static readonly CommandInfo InCommittee = Declare("kind", Usage(WrittenProcedure.NoObjection), Catalogue.Text(Languages.English, CommitteeDescription), "/kind D3 decision")
        with { DescriptionKey = CommitteeDescription };

    private const string CommitteeDescription = "Walk8.Command.kind.Committee";

    /// <summary>The declaration in the body in scope (the one the update acts in; the first body outside any).</summary>
    public override CommandInfo Info => Desk.Council.Council.WrittenProcedure == WrittenProcedure.NoObjection ? InCommittee : InCouncil;

    private static string Usage(WrittenProcedure procedure) => $"/kind D<n> <{string.Join('|', BodyKinds.Of(procedure).Select(KindsText.Code))}>";

    protected override DraftAction? Action => DraftAction.ChangeKind;

    // In a committee every kind's words are read, so that a kind it does not use is refused with the reason, not the usage line.
    protected override DraftKind ParseArguments(ArgReader args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Choice(KindsText.WordsIn(Desk.Council.Council.WrittenProcedure));
    }

    protected override Task ExecuteAsync(CommandContext context, Draft draft, DraftKind kind, CancellationToken cancellationToken)
    {
        var language = context.Update.Language;
        var used = BodyKinds.Allows(Desk.Council.Council.WrittenProcedure, kind);
        if (used.IsRefused)
        {
            context.Reply(DraftsText.Refusal(language, new DraftRefusal(DraftRefusalCode.Refused, draft.Id, used.Reason)));
            return Task.CompletedTask;
        }

        if (draft.Kind == kind)
        {
            context.Update.Reply(context.Text("Kinds.Already", draft.Label, KindsText.Name(language, kind), KindsText.Path(language, kind)), KindsText.Buttons(language, draft, Desk.Kinds));
            return Task.CompletedTask;
        }

        var was = draft.Kind;
        draft.Kind = kind;
        context.Update.Audit("draft.kind", $"{draft.Label} {was} -> {kind} by {context.Actor.UserId} ({context.Actor.DelegationCode})");
        context.Update.Reply(
            context.Text("Kinds.Changed", draft.Label, Html.Escape(draft.Title), KindsText.Name(language, kind), KindsText.Path(language, kind)),
            [.. KindsText.Buttons(language, draft, Desk.Kinds), .. Desk.Buttons.For(draft, context.Actor, language)]);
        return Task.CompletedTask;
    }
}
