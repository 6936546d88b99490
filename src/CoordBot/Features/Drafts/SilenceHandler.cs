using CoordBot.Domain.Committees;
using CoordBot.Domain.Council;
using CoordBot.Domain.Drafts;
using CoordBot.Features.Deadlines;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Drafts;

/// <summary><c>/silence D&lt;n&gt; &lt;hours&gt;</c> (or <c>5wd</c>, working days; or a day and time): chair or penholder starts the silence procedure; the circulation list is told the deadline.</summary>
internal sealed class SilenceHandler(DraftDesk desk, SilenceProcedure silence, SilenceWarnings warnings) : DraftCommand<DeadlineWords>(desk)
{
    /// <summary>The longest silence, in hours typed or up to a day and time.</summary>
    public const int MaxHours = 720;

    public override CommandInfo Info { get; } = new("silence", "/silence D<n> <hours> | <working days>wd | <yyyy-mm-dd> <HH:mm> [IANA zone]", "Chair or penholder: put a circulated draft under silence until a deadline")
    {
        // The chair (who need not read the text), or someone who could hold the pen; whether they hold THIS one is checked after the lookup.
        Rule = a => Permissions.MayStartSilence(a, a.PresidentCode),
        Where = ChatScope.CouncilChat,
        Example = "/silence D3 24 (whole hours from 1 to 720), /silence D3 5wd (working days that skip weekends), or /silence D3 tomorrow 12:00 New York", ExampleKey = "Walk8.Example.silence",
    };

    protected override DraftReach Reach => DraftReach.ChairOrPenholder;

    protected override DraftAction? Action => DraftAction.StartSilence;

    protected override DeadlineWords ParseArguments(ArgReader args) => DraftRefs.SilenceDeadline(args);

    protected override async Task ExecuteAsync(CommandContext context, Draft draft, DeadlineWords until, CancellationToken cancellationToken)
    {
        var db = context.Update.Db;
        if (!await db.DraftCirculations.AnyAsync(c => c.DraftId == draft.Id, cancellationToken))
        {
            context.Reply(context.Text("Drafts.Silence.NotCirculated", draft.Label));
            return;
        }

        var now = context.Update.NowUtc;
        DateTime deadline;
        if (until.WorkingDays is { } days)
        {
            // Working days are counted in the zone of whoever starts the silence (the chair's capital, usually).
            draft.SilenceZone = context.Actor.TimeZone;
            draft.SilenceWorkingDays = true;
            deadline = new SilenceLength(days, WorkingDays: true).DeadlineFrom(now, SilenceProcedure.ZoneOf(draft));
        }
        else
        {
            var resolved = DeadlineInput.Resolve(until, context.Update.Language, context.Actor.TimeZone, now, now, TimeSpan.FromHours(MaxHours));
            if (!resolved.IsAccepted)
            {
                context.Reply(DeadlineInput.Say(context.Update.Language, resolved.Refusal!, Info.UsageIn(context.Update.Language), context.Actor.TimeZone));
                return;
            }

            draft.SilenceZone = null;
            draft.SilenceWorkingDays = false;
            deadline = resolved.Value;
        }

        draft.Status = DraftPaths.Next(draft.Kind, draft.Status, DraftAction.StartSilence).Value;
        draft.SilenceDeadlineUtc = deadline;
        draft.SilenceRemainingSeconds = null;
        draft.Holders = string.Empty;
        draft.SilenceStartedAt = now;
        draft.SilenceStartedInChatId = context.Update.ChatId;
        // Scheduled inside the update's transaction: if that rolls back, the job finds the draft not under silence and does nothing.
        await silence.ScheduleAsync(draft.Id, deadline, cancellationToken);
        await warnings.ScheduleAsync(draft.Id, deadline, now, cancellationToken);

        var version = await Desk.VersionAsync(db, draft, draft.CurrentVersion, cancellationToken);
        var noObjection = Desk.Council.Council.WrittenProcedure == WrittenProcedure.NoObjection;
        context.Update.Audit("draft.silence.started", $"{draft.Label} v{version.Number} {version.Hash} until {deadline:O}{(until.WorkingDays is { } wd ? $" ({wd} working days, {draft.SilenceZone})" : string.Empty)} by {context.Actor.UserId}");
        context.Reply(context.Text("Drafts.Silence.Done", draft.Label, version.Number, Dates.InZoneAndUtc(context.Update.Language, deadline, context.Actor.TimeZone)));
        await Desk.NotifyReadersAsync(db, context.Update.Outbox, draft,
            language => Catalogue.Format(language, "Drafts.Silence.Notice", draft.Label, version.Number, Html.Escape(draft.Title), version.ShortHash, Dates.InZone(language, deadline, null))
                + (noObjection ? "\n" + Catalogue.Format(language, "Committees.Silence.HoldHint", draft.Label) : string.Empty),
            cancellationToken, answered: context.Update.ChatId);
    }
}
