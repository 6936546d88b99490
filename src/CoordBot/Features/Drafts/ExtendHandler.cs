using CoordBot.Domain.Drafts;
using CoordBot.Features.Deadlines;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary><c>/extend D&lt;n&gt; &lt;hours&gt;</c>: the chair moves the silence deadline later by that many hours.</summary>
internal sealed class ExtendHandler(DraftDesk desk, SilenceProcedure silence, SilenceWarnings warnings) : DraftCommand<DeadlineWords>(desk)
{
    public override CommandInfo Info { get; } = new("extend", "/extend D<n> <hours> | <yyyy-mm-dd> <HH:mm> [IANA zone]", "Chair: move a silence deadline later by some hours")
    {
        Rule = Rules.Chair,
        Where = ChatScope.CouncilChat,
        Example = "/extend D3 24 (whole hours from 1 to 720: the deadline moves that much later), or /extend D3 friday 18:00 Europe/Paris", ExampleKey = "Walk8.Example.extend",
    };

    // The chair runs the procedure without reading the text.
    protected override DraftReach Reach => DraftReach.Chair;

    public override DraftAction? Effect => DraftAction.ExtendSilence;

    protected override DeadlineWords ParseArguments(ArgReader args) => DraftRefs.SilenceDeadline(args);

    protected override async Task ExecuteAsync(CommandContext context, Draft draft, DeadlineWords until, CancellationToken cancellationToken)
    {
        if (!Proceeds(context, await silence.StillUnderSilenceAsync(context.Update, draft, DraftAction.ExtendSilence, cancellationToken)))
        {
            return;
        }

        if (draft.SilenceDeadlineUtc is null)
        {
            // Held under the no-objection procedure: there is no deadline to move until the hold is lifted.
            context.Reply(context.Text("Committees.Extend.Held", draft.Label, DraftDesk.Holders(context.Update.Language, draft)));
            return;
        }

        var previous = draft.SilenceDeadlineUtc.Value;
        var resolved = DeadlineInput.Resolve(until, context.Update.Language, context.Actor.TimeZone, context.Update.NowUtc, previous, TimeSpan.FromHours(SilenceHandler.MaxHours));
        if (!resolved.IsAccepted)
        {
            context.Reply(DeadlineInput.Say(context.Update.Language, resolved.Refusal!, Info.UsageIn(context.Update.Language), context.Actor.TimeZone));
            return;
        }

        var deadline = resolved.Value;
        var hours = until.Hours is { } typed ? typed : Math.Round((decimal)(deadline - previous).TotalHours, 2);
        draft.SilenceDeadlineUtc = deadline;
        await silence.ScheduleAsync(draft.Id, deadline, cancellationToken);
        // The extension's own notice names the new deadline: a warning already due for it would only repeat that.
        await warnings.ScheduleAsync(draft.Id, deadline, context.Update.NowUtc, cancellationToken);
        context.Update.Audit("draft.silence.extended", $"{draft.Label} to {deadline:O} by {context.Actor.UserId}");
        context.Reply(context.Text("Drafts.Extend.Done", draft.Label, Dates.InZoneAndUtc(context.Update.Language, deadline, context.Actor.TimeZone)));
        await Desk.NotifyReadersAsync(context.Update.Db, context.Update.Outbox, draft,
            language => Catalogue.Format(language, "Drafts.Extend.Notice", draft.Label, Html.Escape(draft.Title), Dates.InZone(language, deadline, null), hours),
            cancellationToken);
    }
}
