using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary><c>/amend D&lt;n&gt; [§&lt;k&gt;] &lt;proposed text&gt;</c>: an amendment M&lt;n&gt; against the current version; the penholder is told.</summary>
internal sealed class AmendHandler(DraftDesk desk) : DraftInputCommand(desk)
{
    public override CommandInfo Info { get; } = new("amend", "/amend D<n> [§<k>] <proposed text>", "Propose an amendment to a draft")
    {
        Rule = Rules.Of(Permissions.MayAmendDrafts),
        Where = ChatScope.CouncilChat,
        Example = "/amend D3 §2 ... (§2 replaces paragraph 2; §2+ adds a new paragraph after it)", ExampleKey = "Walk8.Example.amend",
    };

    protected override DraftAction Work => DraftAction.Amend;

    protected override async Task ExecuteAsync(CommandContext context, DraftInput input, CancellationToken cancellationToken)
    {
        var (draft, paragraph, text) = input;
        var where = input.Where;
        var actor = context.Actor;
        var db = context.Update.Db;
        var amendment = new DraftAmendment
        {
            DraftId = draft.Id,
            VersionNumber = draft.CurrentVersion,
            Paragraph = paragraph,
            InsertsAfter = input.InsertsAfter,
            DelegationCode = actor.DelegationCode!,
            ProposerUserId = actor.UserId,
            ProposerName = actor.DisplayName,
            Text = text,
            Status = AmendmentStatus.Pending,
            CreatedAt = context.Update.NowUtc,
        };
        db.DraftAmendments.Add(amendment);
        await db.SaveChangesAsync(cancellationToken);

        context.Update.Audit("draft.amendment.proposed", $"{amendment.Label} on {where} by {actor.UserId} ({actor.DelegationCode})");
        context.Reply(context.Text("Drafts.Amend.Done", amendment.Label, where, Desk.Delegation(context.Update.Language, draft.PenholderCode)));
        await Desk.SendAsync(db, context.Update.Outbox, draft.PenholderCodes,
            language => Catalogue.Format(language, "Drafts.Amend.Notice", amendment.Label, where, Desk.Delegation(language, actor.DelegationCode!), Html.Escape(actor.DisplayName))
                + "\n" + Html.Escape(text) + "\n" + Catalogue.Format(language, "Drafts.Amend.Decide", amendment.Label),
            (code, language) => Desk.Buttons.ForAmendmentToDelegation(amendment, draft, code, language),
            cancellationToken);
    }
}
