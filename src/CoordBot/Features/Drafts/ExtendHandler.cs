using CoordBot.Domain.Drafts;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary><c>/extend D&lt;n&gt; &lt;hours&gt;</c>: the chair moves the silence deadline later by that many hours.</summary>
internal sealed class ExtendHandler(DraftDesk desk, SilenceProcedure silence) : DraftCommand<int>(desk)
{
    public override CommandInfo Info { get; } = new("extend", "/extend D<n> <hours>", "Chair: move a silence deadline later by some hours")
    {
        Rule = Rules.Chair,
        Where = ChatScope.CouncilChat,
        Example = "/extend D3 24 (whole hours from 1 to 720: the deadline moves that much later)",
    };

    // The chair runs the procedure without reading the text.
    protected override DraftReach Reach => DraftReach.Chair;

    public override DraftAction? Effect => DraftAction.ExtendSilence;

    protected override int ParseArguments(ArgReader args) => DraftRefs.SilenceHours(args);

    protected override async Task ExecuteAsync(CommandContext context, Draft draft, int hours, CancellationToken cancellationToken)
    {
        if (!Proceeds(context, await silence.StillUnderSilenceAsync(context.Update, draft, DraftAction.ExtendSilence, cancellationToken)))
        {
            return;
        }

        if (draft.SilenceDeadlineUtc is null)
        {
            // Held under the no-objection procedure: there is no deadline to move until the hold is lifted.
            context.Reply(context.Text("Committees.Extend.Held", draft.Label, Html.Escape(string.Join(", ", draft.HolderCodes))));
            return;
        }

        var deadline = draft.SilenceDeadlineUtc.Value.AddHours(hours);
        draft.SilenceDeadlineUtc = deadline;
        await silence.ScheduleAsync(draft.Id, deadline, cancellationToken);
        context.Update.Audit("draft.silence.extended", $"{draft.Label} to {deadline:O} by {context.Actor.UserId}");
        context.Reply(context.Text("Drafts.Extend.Done", draft.Label, Dates.InZoneAndUtc(context.Update.Language, deadline, context.Actor.TimeZone)));
        await Desk.NotifyReadersAsync(context.Update.Db, context.Update.Outbox, draft,
            language => Catalogue.Format(language, "Drafts.Extend.Notice", draft.Label, Html.Escape(draft.Title), Dates.InZone(language, deadline, null), hours),
            cancellationToken);
    }
}
