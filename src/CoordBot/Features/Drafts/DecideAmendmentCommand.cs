using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary>
/// <c>/accept</c> and <c>/reject</c>: the penholder decides an amendment (<c>M4</c> or <c>4</c>); the proposing
/// delegation is told. Accepting does not change the text: the penholder revises.
/// </summary>
internal abstract class DecideAmendmentCommand(DraftDesk desk, bool accept) : Command<DecideAmendmentCommand.Decision>
{
    protected sealed override async Task ExecuteAsync(CommandContext context, Decision args, CancellationToken cancellationToken)
    {
        var found = await desk.FindAmendmentAsync(context, args.AmendmentId, cancellationToken);
        if (found.Value is not { } decided)
        {
            context.Reply(DraftsText.Refusal(found.Refusal!));
            return;
        }

        var (amendment, draft) = decided;

        if (amendment.Status != AmendmentStatus.Pending)
        {
            context.Reply($"{amendment.Label} was already {(amendment.Status == AmendmentStatus.Accepted ? "accepted" : "rejected")}.");
            return;
        }

        if (args.Reason is { Length: > 1000 })
        {
            context.Reply("Keep the reason under 1000 characters.");
            return;
        }

        amendment.Status = accept ? AmendmentStatus.Accepted : AmendmentStatus.Rejected;
        amendment.DecidedAt = context.Update.NowUtc;
        amendment.DecidedBy = context.Actor.UserId;
        amendment.Reason = string.IsNullOrEmpty(args.Reason) ? null : args.Reason;
        var verb = accept ? "accepted" : "rejected";
        context.Update.Audit($"draft.amendment.{verb}", $"{amendment.Label} on {draft.Label} by {context.Actor.UserId} ({context.Actor.DelegationCode})" + (amendment.Reason is null ? string.Empty : $": {amendment.Reason}"));
        context.Reply($"{amendment.Label} is {verb}." + (accept ? $" The text changes when you revise: /revise {draft.Label}." : string.Empty) + " The proposing delegation has been told.");

        var news = $"The penholder {verb} amendment <b>{amendment.Label}</b> to {draft.Label} v{amendment.VersionNumber}{(amendment.Paragraph is { } p ? $" §{p}" : string.Empty)}, proposed by {Html.Escape(amendment.ProposerName)}"
            + (amendment.Reason is { } r ? $".\nReason: {Html.Escape(r)}" : ".")
            + (accept ? $"\nIt will appear in the text with the next revision of {draft.Label}." : string.Empty);
        // The proposer's delegation hears it only while it may still read the draft.
        var db = context.Update.Db;
        var readers = await desk.ReadersAsync(db, draft, cancellationToken);
        if (readers.Contains(amendment.DelegationCode))
        {
            await desk.SendAsync(db, context.Update.Outbox, [amendment.DelegationCode], news, cancellationToken);
        }
    }

    /// <summary>The amendment, and the reason given for a rejection (null for an acceptance).</summary>
    internal sealed record Decision(long AmendmentId, string? Reason);
}
