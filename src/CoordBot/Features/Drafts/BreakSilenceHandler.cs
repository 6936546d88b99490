using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary><c>/breaksilence D&lt;n&gt; &lt;reason&gt;</c>: a circulated delegation's head or deputy objects; back to negotiation, everyone is told who and why.</summary>
internal sealed class BreakSilenceHandler(DraftDesk desk, SilenceProcedure silence, SilenceWarnings warnings) : DraftCommand<string>(desk)
{
    public override CommandInfo Info { get; } = new("breaksilence", "/breaksilence D<n> <reason>", "Head or deputy: break silence on a draft, with a reason")
    {
        Rule = Rules.Of(Permissions.MayBreakSilence),
        Where = ChatScope.CouncilChat,
        Example = "/breaksilence D3 We cannot accept §2 as drafted.",
    };

    // The reason may be missing here: the answer then says why one is needed.
    public override DraftAction? Effect => DraftAction.BreakSilence;

    protected override string ParseArguments(ArgReader args) => args.Rest(optional: true);

    protected override async Task ExecuteAsync(CommandContext context, Draft draft, string firstLine, CancellationToken cancellationToken)
    {
        if (await SilenceReasonAsync(context, silence, draft, DraftAction.BreakSilence, firstLine, cancellationToken) is not { } reason)
        {
            return;
        }

        if (reason.Length is 0 or > 2000)
        {
            context.Reply(reason.Length == 0
                ? context.Text("Drafts.BreakSilence.SayWhy", Html.Escape(Info.Usage))
                : context.Text("Drafts.BreakSilence.TooLong"));
            return;
        }

        var db = context.Update.Db;
        draft.Status = DraftPaths.Next(draft.Kind, draft.Status, DraftAction.BreakSilence).Value;
        draft.SilenceDeadlineUtc = null;
        await SilenceProcedure.EndHoldsAsync(db, draft, context.Update.NowUtc, cancellationToken);
        await silence.UnscheduleAsync(draft.Id, cancellationToken);
        await warnings.RemoveAsync(draft.Id, cancellationToken);
        var actor = context.Actor;
        db.DraftObjections.Add(new DraftObjection
        {
            DraftId = draft.Id,
            VersionNumber = draft.CurrentVersion,
            DelegationCode = actor.DelegationCode!,
            UserId = actor.UserId,
            AuthorName = actor.DisplayName,
            Reason = reason,
            CreatedAt = context.Update.NowUtc,
        });
        context.Update.Audit("draft.silence.broken", $"{draft.Label} by {actor.UserId} ({actor.DelegationCode}): {reason}");
        context.Reply(context.Text("Drafts.BreakSilence.Done", draft.Label));
        await Desk.NotifyReadersAsync(db, context.Update.Outbox, draft,
            language => Catalogue.Format(language, "Drafts.BreakSilence.Notice", draft.Label, Html.Escape(draft.Title), Desk.Delegation(language, actor.DelegationCode!), Html.Escape(actor.DisplayName), Html.Escape(reason)),
            cancellationToken, DraftDesk.SilenceStarter(draft));
    }
}
