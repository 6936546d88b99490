using CoordBot.Domain.Drafts;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary>
/// <c>/accept M&lt;n&gt;</c> and <c>/reject M&lt;n&gt; [reason]</c>: the penholder decides; the proposing delegation is told.
/// Accepting does not change the text: the penholder revises.
/// </summary>
internal abstract class DecideAmendmentHandler(DraftDesk desk, bool accept) : ICommandHandler
{
    public abstract CommandInfo Info { get; }

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!Access.CouncilBusiness(context))
        {
            return;
        }

        var words = context.Command.Words;
        if (words.Count == 0 || !EntityIds.TryParse(words[0], 'M', out var id) || (accept && words.Count > 1))
        {
            context.Reply($"Usage: {Html.Escape(Info.Usage)}, for example /{Info.Name} M4. Amendments are listed by /comments D&lt;n&gt;.");
            return;
        }

        var db = context.Update.Db;
        var amendment = await db.DraftAmendments.FindAsync([id], cancellationToken);
        var draft = amendment is null ? null : await db.Drafts.FindAsync([amendment.DraftId], cancellationToken);
        if (amendment is null || draft is null || !await desk.MayReadAsync(context, draft, cancellationToken))
        {
            context.Reply($"I know no amendment M{id} on a draft your delegation can read.");
            return;
        }

        if (!DraftDesk.Penholder(context, draft) || !DraftDesk.Allowed(context, draft, DraftAction.DecideAmendment))
        {
            return;
        }

        if (amendment.Status != AmendmentStatus.Pending)
        {
            context.Reply($"{amendment.Label} was already {(amendment.Status == AmendmentStatus.Accepted ? "accepted" : "rejected")}.");
            return;
        }

        var reason = accept ? null : context.Command.Arguments[words[0].Length..].Trim();
        if (reason is { Length: > 1000 })
        {
            context.Reply("Keep the reason under 1000 characters.");
            return;
        }

        amendment.Status = accept ? AmendmentStatus.Accepted : AmendmentStatus.Rejected;
        amendment.DecidedAt = context.Update.NowUtc;
        amendment.DecidedBy = context.Actor.UserId;
        amendment.Reason = string.IsNullOrEmpty(reason) ? null : reason;
        var verb = accept ? "accepted" : "rejected";
        context.Update.Audit($"draft.amendment.{verb}", $"{amendment.Label} on {draft.Label} by {context.Actor.UserId} ({context.Actor.DelegationCode})" + (amendment.Reason is null ? string.Empty : $": {amendment.Reason}"));
        context.Reply($"{amendment.Label} is {verb}." + (accept ? $" The text changes when you revise: /revise {draft.Label}." : string.Empty) + " The proposing delegation has been told.");

        var news = $"The penholder {verb} amendment <b>{amendment.Label}</b> to {draft.Label} v{amendment.VersionNumber}{(amendment.Paragraph is { } p ? $" §{p}" : string.Empty)}, proposed by {Html.Escape(amendment.ProposerName)}"
            + (amendment.Reason is { } r ? $".\nReason: {Html.Escape(r)}" : ".")
            + (accept ? $"\nIt will appear in the text with the next revision of {draft.Label}." : string.Empty);
        // The proposer's delegation hears it only while it may still read the draft.
        var readers = await desk.ReadersAsync(db, draft, cancellationToken);
        if (readers.Contains(amendment.DelegationCode))
        {
            await desk.SendAsync(db, context.Update.Outbox, [amendment.DelegationCode], news, cancellationToken);
        }
    }
}

internal sealed class AcceptHandler(DraftDesk desk) : DecideAmendmentHandler(desk, accept: true)
{
    public override CommandInfo Info { get; } = new("accept", "/accept M<n>", "Penholder: accept an amendment", a => a.IsMember);
}

internal sealed class RejectHandler(DraftDesk desk) : DecideAmendmentHandler(desk, accept: false)
{
    public override CommandInfo Info { get; } = new("reject", "/reject M<n> [reason]", "Penholder: reject an amendment", a => a.IsMember);
}
