using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary><c>/withdraw D&lt;n&gt;</c>: the penholder withdraws a draft (not once voting has started).</summary>
internal sealed class WithdrawHandler(DraftDesk desk, SilenceProcedure silence) : PenholderCommand(desk)
{
    public override CommandInfo Info { get; } = Declare("withdraw", "/withdraw D<n>", "Penholder: withdraw a draft", "/withdraw D3 (draft numbers are listed by /drafts)");

    protected override DraftAction? Action => DraftAction.Withdraw;

    protected override async Task ExecuteAsync(CommandContext context, Draft draft, CancellationToken cancellationToken)
    {
        var wasUnderSilence = draft.Status == DraftStatus.UnderSilence;
        draft.Status = DraftPaths.Next(draft.Kind, draft.Status, DraftAction.Withdraw).Value;
        draft.WithdrawnAt = context.Update.NowUtc;
        draft.SilenceDeadlineUtc = null;
        if (wasUnderSilence)
        {
            await SilenceProcedure.EndHoldsAsync(context.Update.Db, draft, context.Update.NowUtc, cancellationToken);
            await silence.UnscheduleAsync(draft.Id, cancellationToken);
        }

        context.Update.Audit("draft.withdrawn", $"{draft.Label} by {context.Actor.UserId} ({context.Actor.DelegationCode})");
        context.Reply(context.Text("Drafts.Withdraw.Done", draft.Label));
        await Desk.NotifyReadersAsync(context.Update.Db, context.Update.Outbox, draft,
            language => Catalogue.Format(language, "Drafts.Withdraw.Notice", draft.Label, Html.Escape(draft.Title), Desk.Delegation(language, draft.PenholderCode)),
            cancellationToken);
    }
}
