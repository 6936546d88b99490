using CoordBot.Domain.Council;
using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Drafts;

/// <summary>
/// <c>/lift D&lt;n&gt;</c>: the holding delegation's head or deputy lifts its hold; when no other hold remains, the
/// deadline resumes with the time that was left, and the committee is told the new deadline.
/// </summary>
internal sealed class LiftHandler(DraftDesk desk, SilenceProcedure silence, SilenceWarnings warnings) : DraftCommand(desk)
{
    public override CommandInfo Info { get; } = new("lift", "/lift D<n>", "Head or deputy: lift your delegation's hold on a decision; its deadline resumes")
    {
        Rule = Rules.Of(Permissions.MayHold),
        Where = ChatScope.CouncilChat,
        Example = "/lift D3",
    };

    public override DraftAction? Effect => DraftAction.LiftSilence;

    protected override async Task ExecuteAsync(CommandContext context, Draft draft, CancellationToken cancellationToken)
    {
        if (Desk.Council.Council.WrittenProcedure != WrittenProcedure.NoObjection)
        {
            context.Reply(context.Text("Committees.Hold.NotHere", draft.Label));
            return;
        }

        if (!Proceeds(context, await silence.StillUnderSilenceAsync(context.Update, draft, DraftAction.LiftSilence, cancellationToken)))
        {
            return;
        }

        var actor = context.Actor;
        var code = actor.DelegationCode!;
        var now = context.Update.NowUtc;
        var lifted = SilenceProcedure.Procedure(draft).Lift(code, now, SilenceProcedure.ZoneOf(draft));
        if (!lifted.IsAccepted)
        {
            context.Reply(DraftsText.Sentence(context.Update.Language, lifted.Refusal!));
            return;
        }

        SilenceProcedure.Keep(draft, lifted.Value!);
        var db = context.Update.Db;
        var hold = await db.DraftHolds.Where(h => h.DraftId == draft.Id && h.DelegationCode == code && h.LiftedAt == null && h.EndedAt == null)
            .OrderByDescending(h => h.Id).FirstOrDefaultAsync(cancellationToken);
        if (hold is not null)
        {
            hold.LiftedAt = now;
            hold.LiftedByUserId = actor.UserId;
        }

        var reply = context.Update.Language;
        if (lifted.Value!.DeadlineUtc is { } deadline)
        {
            // Scheduled inside the update's transaction: if it rolls back, the job finds the draft still held and does nothing.
            await silence.ScheduleAsync(draft.Id, deadline, cancellationToken);
            // The warnings planned for the deadline the hold stopped are overtaken; the resumed deadline gets its own.
            await warnings.ScheduleAsync(draft.Id, deadline, now, cancellationToken);
            context.Update.Audit("draft.silence.lifted", $"{draft.Label} by {actor.UserId} ({code}), deadline {deadline:O}");
            // As for a hold: the lifter's chat reads the reply only, with the buttons the notice would have brought there.
            context.Update.Reply(context.Text("Committees.Lift.Done", draft.Label, Dates.InZoneAndUtc(reply, deadline, actor.TimeZone)), Desk.Buttons.For(draft, actor, reply));
            await Desk.NotifyReadersAsync(db, context.Update.Outbox, draft,
                language => Catalogue.Format(language, "Committees.Lift.Notice", draft.Label, Html.Escape(draft.Title), Desk.Delegation(language, code), Html.Escape(actor.DisplayName), Dates.InZone(language, deadline, null)),
                cancellationToken, DraftDesk.SilenceStarter(draft), answered: context.Update.ChatId);
            return;
        }

        context.Update.Audit("draft.silence.lifted", $"{draft.Label} by {actor.UserId} ({code}), still held by {string.Join(", ", draft.HolderCodes)}");
        context.Update.Reply(context.Text("Committees.Lift.StillHeld", draft.Label, DraftDesk.Holders(reply, draft)), Desk.Buttons.For(draft, actor, reply));
        await Desk.NotifyReadersAsync(db, context.Update.Outbox, draft,
            language => Catalogue.Format(language, "Committees.Lift.NoticeStillHeld", draft.Label, Html.Escape(draft.Title), Desk.Delegation(language, code), Html.Escape(actor.DisplayName), DraftDesk.Holders(language, draft)),
            cancellationToken, DraftDesk.SilenceStarter(draft), answered: context.Update.ChatId);
    }
}
