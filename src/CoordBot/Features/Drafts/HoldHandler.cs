using CoordBot.Domain.Council;
using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary>
/// <c>/hold D&lt;n&gt; [reason]</c> (the no-objection procedure of committees): a circulated delegation's head or deputy
/// holds the decision; its deadline stops with the time left kept, until that delegation sends <c>/lift</c>. The reason,
/// if any, is told to the committee.
/// </summary>
internal sealed class HoldHandler(DraftDesk desk, SilenceProcedure silence) : DraftCommand<string>(desk)
{
    public const int MaxReason = 2000;

    public override CommandInfo Info { get; } = new("hold", "/hold D<n> [reason]", "Head or deputy: hold a decision under the no-objection procedure; its deadline stops until you lift it")
    {
        Rule = Rules.Of(Permissions.MayHold),
        Where = ChatScope.CouncilChat,
        Example = "/hold D3 Awaiting instructions from capital.",
    };

    public override DraftAction? Effect => DraftAction.HoldSilence;

    protected override string ParseArguments(ArgReader args) => args.Rest(optional: true);

    protected override async Task ExecuteAsync(CommandContext context, Draft draft, string firstLine, CancellationToken cancellationToken)
    {
        if (Desk.Council.Council.WrittenProcedure != WrittenProcedure.NoObjection)
        {
            context.Reply(context.Text("Committees.Hold.NotHere", draft.Label));
            return;
        }

        if (await SilenceReasonAsync(context, silence, draft, DraftAction.HoldSilence, firstLine, cancellationToken) is not { } reason)
        {
            return;
        }

        if (reason.Length > MaxReason)
        {
            context.Reply(context.Text("Committees.Hold.TooLong", MaxReason));
            return;
        }

        var actor = context.Actor;
        var code = actor.DelegationCode!;
        var now = context.Update.NowUtc;
        var held = SilenceProcedure.Procedure(draft).Hold(code, reason.Length == 0 ? null : reason, now, SilenceProcedure.ZoneOf(draft));
        if (!held.IsAccepted)
        {
            context.Reply(DraftsText.Sentence(context.Update.Language, held.Refusal!));
            return;
        }

        SilenceProcedure.Keep(draft, held.Value!);
        // The stored state is the truth: the job is removed here and re-created by /lift (or by the reconciler at start).
        await silence.UnscheduleAsync(draft.Id, cancellationToken);
        var db = context.Update.Db;
        db.DraftHolds.Add(new DraftHold
        {
            DraftId = draft.Id,
            DelegationCode = code,
            UserId = actor.UserId,
            AuthorName = actor.DisplayName,
            Reason = reason.Length == 0 ? null : reason,
            PlacedAt = now,
        });
        var left = held.Value!.Remaining ?? TimeSpan.Zero;
        context.Update.Audit("draft.silence.held", $"{draft.Label} by {actor.UserId} ({code}), {left} left{(draft.SilenceWorkingDays ? " (working time)" : string.Empty)}: {reason}");
        // The holder's chat reads the reply only, not the notice as well (as the penholder's, PenholderNoticeTests); the reply carries
        // the buttons the notice would have brought there, Lift hold among them. The rest of the delegation and the body read the notice.
        context.Update.Reply(
            context.Text("Committees.Hold.Done", draft.Label, NoObjectionText.Left(context.Update.Language, left, draft.SilenceWorkingDays)),
            Desk.Buttons.For(draft, actor, context.Update.Language));
        await Desk.NotifyReadersAsync(db, context.Update.Outbox, draft,
            language => Catalogue.Format(language, "Committees.Hold.Notice", draft.Label, Html.Escape(draft.Title), Desk.Delegation(language, code), Html.Escape(actor.DisplayName),
                reason.Length == 0 ? Catalogue.Text(language, "Committees.Hold.NoReason") : Html.Escape(WithoutFinalStop(reason)),
                NoObjectionText.Left(language, left, draft.SilenceWorkingDays)),
            cancellationToken, DraftDesk.SilenceStarter(draft), answered: context.Update.ChatId);
    }

    /// <summary>The notice ends the reason's sentence itself ("Reason: {4}."): a reason's own full stop would make two (an ellipsis stays).</summary>
    internal static string WithoutFinalStop(string reason) =>
        reason.Length > 1 && ((reason[^1] == '.' && reason[^2] != '.') || reason[^1] == '。') ? reason[..^1] : reason;
}
