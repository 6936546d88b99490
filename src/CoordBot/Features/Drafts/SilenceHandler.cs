using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Drafts;

/// <summary><c>/silence D&lt;n&gt; &lt;hours&gt;</c>: chair or penholder starts the silence procedure; the circulation list is told the deadline.</summary>
internal sealed class SilenceHandler(DraftDesk desk, SilenceProcedure silence) : DraftCommand<int>(desk)
{
    public override CommandInfo Info { get; } = new("silence", "/silence D<n> <hours>", "Chair or penholder: put a circulated draft under silence until a deadline")
    {
        // The chair (who need not read the text), or someone who could hold the pen; whether they hold THIS one is checked after the lookup.
        Rule = a => Permissions.MayStartSilence(a.Rights, a.PresidentCode),
        Where = ChatScope.CouncilChat,
        Example = "/silence D3 24 (whole hours from 1 to 720)",
    };

    protected override DraftReach Reach => DraftReach.ChairOrPenholder;

    protected override DraftAction? Action => DraftAction.StartSilence;

    protected override int ParseArguments(ArgReader args) => DraftRefs.SilenceHours(args);

    protected override async Task ExecuteAsync(CommandContext context, Draft draft, int hours, CancellationToken cancellationToken)
    {
        var db = context.Update.Db;
        if (!await db.DraftCirculations.AnyAsync(c => c.DraftId == draft.Id, cancellationToken))
        {
            context.Reply(context.Text("Drafts.Silence.NotCirculated", draft.Label));
            return;
        }

        var now = context.Update.NowUtc;
        var deadline = now.AddHours(hours);
        draft.Status = DraftPaths.Next(draft.Kind, draft.Status, DraftAction.StartSilence).Value;
        draft.SilenceDeadlineUtc = deadline;
        draft.SilenceStartedAt = now;
        draft.SilenceStartedInChatId = context.Update.ChatId;
        // Scheduled inside the update's transaction: if that rolls back, the job finds the draft not under silence and does nothing.
        await silence.ScheduleAsync(draft.Id, deadline, cancellationToken);

        var version = await Desk.VersionAsync(db, draft, draft.CurrentVersion, cancellationToken);
        context.Update.Audit("draft.silence.started", $"{draft.Label} v{version.Number} {version.Hash} until {deadline:O} by {context.Actor.UserId}");
        context.Reply(context.Text("Drafts.Silence.Done", draft.Label, version.Number, Dates.InZoneAndUtc(context.Update.Language, deadline, context.Actor.TimeZone)));
        await Desk.NotifyReadersAsync(db, context.Update.Outbox, draft,
            language => Catalogue.Format(language, "Drafts.Silence.Notice", draft.Label, version.Number, Html.Escape(draft.Title), version.ShortHash, Dates.InZone(language, deadline, null)),
            cancellationToken);
    }
}
