using CoordBot.Domain.Drafts;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary><c>/blue D&lt;n&gt;</c>: the penholder puts the current version in blue: its text is locked and it can be put to a vote.</summary>
internal sealed class BlueHandler(DraftDesk desk) : ICommandHandler
{
    private const string Usage = "/blue D<n>";

    public CommandInfo Info { get; } = new("blue", Usage, "Penholder: put a draft in blue (final text, locked for the vote)", a => a.IsMember);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!Access.CouncilBusiness(context))
        {
            return;
        }

        var words = context.Command.Words;
        var draft = await desk.FindReadableAsync(context, words.Count == 1 ? words[0] : null, Usage, cancellationToken);
        if (draft is null || !DraftDesk.Penholder(context, draft) || !DraftDesk.Allowed(context, draft, DraftAction.PutInBlue))
        {
            return;
        }

        var db = context.Update.Db;
        var version = await desk.VersionAsync(db, draft, draft.CurrentVersion, cancellationToken);
        draft.Status = DraftStateMachine.Next(draft.Status, DraftAction.PutInBlue).Value;
        draft.BlueVersionId = version.Id;
        context.Update.Audit("draft.blue", $"{draft.Label} v{version.Number} {version.Hash} by {context.Actor.UserId}");
        context.Reply($"{draft.Label} v{version.Number} is in blue: its text (hash <code>{version.ShortHash}</code>) is locked and can be put to a vote.");
        await desk.NotifyReadersAsync(db, context.Update.Outbox, draft,
            $"<b>{draft.Label} v{version.Number}</b> · {Html.Escape(draft.Title)} is <b>in blue</b>: this text is final and locked for the vote. Content hash <code>{version.ShortHash}</code> (/draft {draft.Label}).",
            cancellationToken);
    }
}

/// <summary><c>/withdraw D&lt;n&gt;</c>: the penholder withdraws a draft (not once voting has started).</summary>
internal sealed class WithdrawHandler(DraftDesk desk, SilenceProcedure silence) : ICommandHandler
{
    private const string Usage = "/withdraw D<n>";

    public CommandInfo Info { get; } = new("withdraw", Usage, "Penholder: withdraw a draft", a => a.IsMember);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!Access.CouncilBusiness(context))
        {
            return;
        }

        var words = context.Command.Words;
        var draft = await desk.FindReadableAsync(context, words.Count == 1 ? words[0] : null, Usage, cancellationToken);
        if (draft is null || !DraftDesk.Penholder(context, draft) || !DraftDesk.Allowed(context, draft, DraftAction.Withdraw))
        {
            return;
        }

        var wasUnderSilence = draft.Status == DraftStatus.UnderSilence;
        draft.Status = DraftStateMachine.Next(draft.Status, DraftAction.Withdraw).Value;
        draft.WithdrawnAt = context.Update.NowUtc;
        draft.SilenceDeadlineUtc = null;
        if (wasUnderSilence)
        {
            await silence.UnscheduleAsync(draft.Id, cancellationToken);
        }

        context.Update.Audit("draft.withdrawn", $"{draft.Label} by {context.Actor.UserId} ({context.Actor.DelegationCode})");
        context.Reply($"{draft.Label} is withdrawn. The delegations on its circulation list have been told.");
        await desk.NotifyReadersAsync(context.Update.Db, context.Update.Outbox, draft,
            $"<b>{draft.Label}</b> · {Html.Escape(draft.Title)} was <b>withdrawn</b> by its penholder, {desk.Delegation(draft.PenholderCode)}.",
            cancellationToken);
    }
}
