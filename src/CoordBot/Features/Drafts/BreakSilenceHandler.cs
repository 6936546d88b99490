using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary><c>/breaksilence D&lt;n&gt; &lt;reason&gt;</c>: a circulated delegation's head or deputy objects; back to negotiation, everyone is told who and why.</summary>
internal sealed class BreakSilenceHandler(DraftDesk desk, SilenceProcedure silence) : DraftCommand<string>(desk)
{
    public override CommandInfo Info { get; } = new("breaksilence", "/breaksilence D<n> <reason>", "Head or deputy: break silence on a draft, with a reason")
    {
        Rule = Rules.Of(Permissions.MayBreakSilence),
        Where = ChatScope.CouncilChat,
        Example = "/breaksilence D3 We cannot accept §2 as drafted.",
    };

    // The reason may be missing here: the answer then says why one is needed.
    protected override string ParseArguments(ArgReader args) => args.Rest(optional: true);

    protected override async Task ExecuteAsync(CommandContext context, Draft draft, string firstLine, CancellationToken cancellationToken)
    {
        if (!Proceeds(context, await silence.StillUnderSilenceAsync(context.Update, draft, DraftAction.BreakSilence, cancellationToken)))
        {
            return;
        }

        var reason = (firstLine + (context.Command.Body is { } body ? "\n" + body : string.Empty)).Trim();
        if (reason.Length is 0 or > 2000)
        {
            context.Reply(reason.Length == 0
                ? $"Say why: {Html.Escape(Info.Usage)}. Everyone on the circulation list will read the reason."
                : "Keep the reason under 2000 characters.");
            return;
        }

        var db = context.Update.Db;
        draft.Status = DraftStateMachine.Next(draft.Status, DraftAction.BreakSilence).Value;
        draft.SilenceDeadlineUtc = null;
        await silence.UnscheduleAsync(draft.Id, cancellationToken);
        var actor = context.Actor;
        context.Update.Audit("draft.silence.broken", $"{draft.Label} by {actor.UserId} ({actor.DelegationCode}): {reason}");
        context.Reply($"You broke silence on {draft.Label}. It is back under negotiation; every delegation on the circulation list has been told.");
        await Desk.NotifyReadersAsync(db, context.Update.Outbox, draft,
            $"<b>Silence broken</b> on {draft.Label} · {Html.Escape(draft.Title)} by {Desk.Delegation(actor.DelegationCode!)} ({Html.Escape(actor.DisplayName)}).\n"
            + $"Reason: {Html.Escape(reason)}\nThe draft is back under negotiation.",
            cancellationToken);
    }
}
