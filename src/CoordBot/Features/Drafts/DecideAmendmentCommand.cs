using CoordBot.Domain.Drafts;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary>
/// <c>/accept</c> and <c>/reject</c>: the penholder decides an amendment (<c>M4</c> or <c>4</c>); the proposing
/// delegation is told. Accepting offers the penholder the next version with the accepted amendments applied
/// (<see cref="AmendmentOffers"/>), to make in one tap.
/// </summary>
internal abstract class DecideAmendmentCommand(DraftDesk desk, AmendmentOffers offers, bool accept) : Command<DecideAmendmentCommand.Decision>, IDraftCommand
{
    /// <summary>The penholder decides (<see cref="DraftDesk.FindAmendmentAsync"/> checks it), while the text may still change.</summary>
    public DraftReach Reach => DraftReach.Penholder;

    public DraftAction? Effect => DraftAction.DecideAmendment;

    protected sealed override async Task ExecuteAsync(CommandContext context, Decision args, CancellationToken cancellationToken)
    {
        var found = await desk.FindAmendmentAsync(context, args.AmendmentId, cancellationToken);
        if (found.Value is not { } decided)
        {
            context.Reply(DraftsText.Refusal(context.Update.Language, found.Refusal!));
            return;
        }

        var (amendment, draft) = decided;

        if (amendment.Status != AmendmentStatus.Pending)
        {
            context.Reply(context.Text(amendment.Status == AmendmentStatus.Accepted ? "Drafts.Decide.AlreadyAccepted" : "Drafts.Decide.AlreadyRejected", amendment.Label));
            return;
        }

        if (args.Reason is { Length: > 1000 })
        {
            context.Reply(context.Text("Drafts.Decide.ReasonTooLong"));
            return;
        }

        amendment.Status = accept ? AmendmentStatus.Accepted : AmendmentStatus.Rejected;
        amendment.DecidedAt = context.Update.NowUtc;
        amendment.DecidedBy = context.Actor.UserId;
        amendment.Reason = string.IsNullOrEmpty(args.Reason) ? null : args.Reason;
        var verb = accept ? "accepted" : "rejected";
        context.Update.Audit($"draft.amendment.{verb}", $"{amendment.Label} on {draft.Label} by {context.Actor.UserId} ({context.Actor.DelegationCode})" + (amendment.Reason is null ? string.Empty : $": {amendment.Reason}"));
        context.Reply(accept ? context.Text("Drafting.Decide.Accepted", amendment.Label) : context.Text("Drafts.Decide.Rejected", amendment.Label, draft.Label));

        var where = $"{draft.Label} v{amendment.VersionNumber}{(amendment.Paragraph is null ? string.Empty : " " + amendment.ParagraphRef)}";
        string News(string language) =>
            Catalogue.Format(language, accept ? "Drafts.Decide.AcceptedNotice" : "Drafts.Decide.RejectedNotice", amendment.Label, where, Html.Escape(amendment.ProposerName))
            + (amendment.Reason is { } r ? ".\n" + Catalogue.Format(language, "Drafts.Decide.Reason", Html.Escape(r)) : ".")
            + (accept ? "\n" + Catalogue.Format(language, "Drafts.Decide.NextRevision", draft.Label) : string.Empty);
        // The proposer's delegation hears it only while it may still read the draft.
        var db = context.Update.Db;
        var readers = await desk.ReadersAsync(db, draft, cancellationToken);
        if (readers.Contains(amendment.DelegationCode))
        {
            await desk.SendAsync(db, context.Update.Outbox, [amendment.DelegationCode], draft, News, cancellationToken);
        }

        if (accept && amendment.VersionNumber == draft.CurrentVersion)
        {
            await db.SaveChangesAsync(cancellationToken);
            await offers.RunAsync(context, draft, ids: null, confirmOn: null, cancellationToken);
        }
    }

    /// <summary>The amendment, and the reason given for a rejection (null for an acceptance).</summary>
    internal sealed record Decision(long AmendmentId, string? Reason);
}
