using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary><c>/amend D&lt;n&gt; [§&lt;k&gt;] &lt;proposed text&gt;</c>: an amendment M&lt;n&gt; against the current version; the penholder is told.</summary>
internal sealed class AmendHandler(DraftDesk desk) : ICommandHandler
{
    private const string Usage = "/amend D<n> [§<k>] <proposed text>";

    public CommandInfo Info { get; } = new("amend", Usage, "Propose an amendment to a draft", a => Permissions.MayProposeAmendment(a.Rights).IsAllowed);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!Access.CouncilBusiness(context) || !Access.Allowed(context, Permissions.MayProposeAmendment(context.Actor.Rights)))
        {
            return;
        }

        var input = await DraftInput.ParseAsync(context, desk, Usage, cancellationToken);
        if (input is null || !DraftDesk.Allowed(context, input.Draft, DraftAction.Amend))
        {
            return;
        }

        var (draft, paragraph, text) = (input.Draft, input.Paragraph, input.Text);
        var actor = context.Actor;
        var db = context.Update.Db;
        var amendment = new DraftAmendment
        {
            DraftId = draft.Id,
            VersionNumber = draft.CurrentVersion,
            Paragraph = paragraph,
            DelegationCode = actor.DelegationCode!,
            ProposerUserId = actor.UserId,
            ProposerName = actor.DisplayName,
            Text = text,
            Status = AmendmentStatus.Pending,
            CreatedAt = context.Update.NowUtc,
        };
        db.DraftAmendments.Add(amendment);
        await db.SaveChangesAsync(cancellationToken);

        var where = $"{draft.Label} v{draft.CurrentVersion}{(paragraph is { } k ? $" §{k}" : string.Empty)}";
        context.Update.Audit("draft.amendment.proposed", $"{amendment.Label} on {where} by {actor.UserId} ({actor.DelegationCode})");
        context.Reply($"Amendment <b>{amendment.Label}</b> to {where} is recorded. The penholder, {desk.Delegation(draft.PenholderCode)}, decides on it; you will be told.");
        await desk.SendAsync(db, context.Update.Outbox, [draft.PenholderCode],
            $"Amendment <b>{amendment.Label}</b> to <b>{where}</b> from {desk.Delegation(actor.DelegationCode!)}, {Html.Escape(actor.DisplayName)}:\n{Html.Escape(text)}\n"
            + $"Decide with /accept {amendment.Label} or /reject {amendment.Label} [reason].",
            cancellationToken);
    }
}
