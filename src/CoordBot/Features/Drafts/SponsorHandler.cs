using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary>
/// <c>/sponsor D&lt;n&gt;</c> (the Sponsor button under a draft): a reading delegation joins its sponsors through its head
/// or deputy (<see cref="Permissions.MaySponsor"/>); the penholders are told.
/// </summary>
internal sealed class SponsorHandler(DraftDesk desk) : DraftCommand(desk)
{
    public override CommandInfo Info { get; } = new("sponsor", "/sponsor D<n>", "Head or deputy: your delegation joins a draft's sponsors")
    {
        Rule = Rules.Of(Permissions.MaySponsorDrafts),
        Where = ChatScope.CouncilChat,
        Example = "/sponsor D3",
    };

    // Sponsors join while the text is still open to comments: until the vote opens.
    protected override DraftAction? Action => DraftAction.Comment;

    protected override async Task ExecuteAsync(CommandContext context, Draft draft, CancellationToken cancellationToken)
    {
        var actor = context.Actor;
        var verdict = Permissions.MaySponsor(actor, draft.PenholderCodes, draft.SponsorCodes);
        if (verdict.IsRefused)
        {
            context.Reply(DraftsText.Sentence(context.Update.Language, verdict.Reason!));
            return;
        }

        var code = actor.DelegationCode!;
        draft.Sponsors = string.Join(',', [.. draft.SponsorCodes, code]);
        context.Update.Audit("draft.sponsor", $"{draft.Label} {code} by {actor.UserId}");
        context.Reply(context.Text("Drafting.Sponsor.Done", Desk.Delegation(context.Update.Language, code), draft.Label, draft.SponsorCodes.Count));
        await Desk.SendAsync(context.Update.Db, context.Update.Outbox, draft.PenholderCodes, draft,
            language => Catalogue.Format(language, "Drafting.Sponsor.Notice", Desk.Delegation(language, code), draft.Label, Html.Escape(draft.Title), string.Join(", ", draft.SponsorCodes)),
            cancellationToken);
    }
}
