using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Drafts;

/// <summary><c>/silence D&lt;n&gt; &lt;hours&gt;</c>: chair or penholder starts the silence procedure; the circulation list is told the deadline.</summary>
internal sealed class SilenceHandler(DraftDesk desk, SilenceProcedure silence) : ICommandHandler
{
    private const string Usage = "/silence D<n> <hours>";

    public CommandInfo Info { get; } = new("silence", Usage, "Chair or penholder: put a circulated draft under silence until a deadline", a => a.IsMember || a.IsOperator);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!Access.CouncilBusiness(context))
        {
            return;
        }

        var words = context.Command.Words;
        if (words.Count != 2 || !DraftRefs.TryParseHours(words[1], out var hours))
        {
            context.Reply($"Usage: {Html.Escape(Usage)}, with whole hours from 1 to 720, for example /silence D3 24.");
            return;
        }

        var draft = await SilenceCommands.FindForChairOrPenholderAsync(context, desk, words[0], Usage, cancellationToken);
        if (draft is null || !DraftDesk.Allowed(context, draft, DraftAction.StartSilence))
        {
            return;
        }

        var db = context.Update.Db;
        if (!await db.DraftCirculations.AnyAsync(c => c.DraftId == draft.Id, cancellationToken))
        {
            context.Reply($"{draft.Label} has not been circulated yet: silence needs delegations to keep it. The penholder circulates it first with /circulate {draft.Label}.");
            return;
        }

        var now = context.Update.NowUtc;
        var deadline = now.AddHours(hours);
        draft.Status = DraftStateMachine.Next(draft.Status, DraftAction.StartSilence).Value;
        draft.SilenceDeadlineUtc = deadline;
        draft.SilenceStartedAt = now;
        // Scheduled inside the update's transaction: if that rolls back, the job finds the draft not under silence and does nothing.
        await silence.ScheduleAsync(draft.Id, deadline, cancellationToken);

        var version = await desk.VersionAsync(db, draft, draft.CurrentVersion, cancellationToken);
        context.Update.Audit("draft.silence.started", $"{draft.Label} v{version.Number} {version.Hash} until {deadline:O} by {context.Actor.UserId}");
        context.Reply($"{draft.Label} v{version.Number} is under silence until {TimeDisplay.InZoneAndUtc(deadline, context.Actor.TimeZone)}. Every delegation on its circulation list has been told.");
        await desk.NotifyReadersAsync(db, context.Update.Outbox, draft,
            $"<b>Silence procedure</b>: {draft.Label} v{version.Number} · {Html.Escape(draft.Title)} (hash <code>{version.ShortHash}</code>) is under silence until <b>{TimeDisplay.InZone(deadline, null)}</b>.\n"
            + $"It will be agreed unless a delegation breaks silence before then: /breaksilence {draft.Label} &lt;reason&gt; (head or deputy).",
            cancellationToken);
    }
}

/// <summary><c>/breaksilence D&lt;n&gt; &lt;reason&gt;</c>: a circulated delegation's head or deputy objects; back to negotiation, everyone is told who and why.</summary>
internal sealed class BreakSilenceHandler(DraftDesk desk, SilenceProcedure silence) : ICommandHandler
{
    private const string Usage = "/breaksilence D<n> <reason>";

    public CommandInfo Info { get; } = new("breaksilence", Usage, "Head or deputy: break silence on a draft, with a reason", a => a.IsHeadOrDeputy);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!Access.CouncilBusiness(context))
        {
            return;
        }

        var words = context.Command.Words;
        var draft = await desk.FindReadableAsync(context, context.Command.FirstWord, Usage, cancellationToken);
        if (draft is null)
        {
            return;
        }

        if (!context.Actor.IsHeadOrDeputy)
        {
            context.Reply("Breaking silence needs the head of delegation or the deputy.");
            return;
        }

        var db = context.Update.Db;
        var now = context.Update.NowUtc;
        if (await silence.ConcludeIfDueAsync(db, context.Update.Outbox, draft, now, cancellationToken))
        {
            context.Reply($"Too late: the silence deadline on {draft.Label} has passed, so it is agreed under silence.");
            return;
        }

        if (!DraftDesk.Allowed(context, draft, DraftAction.BreakSilence))
        {
            return;
        }

        var reason = (context.Command.Arguments[words[0].Length..].Trim() + (context.Command.Body is { } body ? "\n" + body : string.Empty)).Trim();
        if (reason.Length is 0 or > 2000)
        {
            context.Reply(reason.Length == 0
                ? $"Say why: {Html.Escape(Usage)}. Everyone on the circulation list will read the reason."
                : "Keep the reason under 2000 characters.");
            return;
        }

        draft.Status = DraftStateMachine.Next(draft.Status, DraftAction.BreakSilence).Value;
        draft.SilenceDeadlineUtc = null;
        await silence.UnscheduleAsync(draft.Id, cancellationToken);
        var actor = context.Actor;
        context.Update.Audit("draft.silence.broken", $"{draft.Label} by {actor.UserId} ({actor.DelegationCode}): {reason}");
        context.Reply($"You broke silence on {draft.Label}. It is back under negotiation; every delegation on the circulation list has been told.");
        await desk.NotifyReadersAsync(db, context.Update.Outbox, draft,
            $"<b>Silence broken</b> on {draft.Label} · {Html.Escape(draft.Title)} by {desk.Delegation(actor.DelegationCode!)} ({Html.Escape(actor.DisplayName)}).\n"
            + $"Reason: {Html.Escape(reason)}\nThe draft is back under negotiation.",
            cancellationToken);
    }
}

/// <summary><c>/extend D&lt;n&gt; &lt;hours&gt;</c>: the chair moves the silence deadline later by that many hours.</summary>
internal sealed class ExtendHandler(DraftDesk desk, SilenceProcedure silence) : ICommandHandler
{
    private const string Usage = "/extend D<n> <hours>";

    public CommandInfo Info { get; } = new("extend", Usage, "Chair: move a silence deadline later by some hours", a => a.IsChair);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!Access.CouncilBusiness(context) || !Access.Chair(context))
        {
            return;
        }

        var words = context.Command.Words;
        if (words.Count != 2 || !DraftRefs.TryParseHours(words[1], out var hours))
        {
            context.Reply($"Usage: {Html.Escape(Usage)}, with whole hours from 1 to 720: the deadline moves that much later.");
            return;
        }

        var draft = await desk.FindAsync(context, words[0], Usage, cancellationToken);
        if (draft is null)
        {
            return;
        }

        var db = context.Update.Db;
        var now = context.Update.NowUtc;
        if (await silence.ConcludeIfDueAsync(db, context.Update.Outbox, draft, now, cancellationToken))
        {
            context.Reply($"Too late: the silence deadline on {draft.Label} had passed, so it is now agreed under silence.");
            return;
        }

        if (!DraftDesk.Allowed(context, draft, DraftAction.ExtendSilence))
        {
            return;
        }

        var deadline = draft.SilenceDeadlineUtc!.Value.AddHours(hours);
        draft.SilenceDeadlineUtc = deadline;
        await silence.ScheduleAsync(draft.Id, deadline, cancellationToken);
        context.Update.Audit("draft.silence.extended", $"{draft.Label} to {deadline:O} by {context.Actor.UserId}");
        context.Reply($"The silence on {draft.Label} now ends {TimeDisplay.InZoneAndUtc(deadline, context.Actor.TimeZone)}. The circulation list has been told.");
        await desk.NotifyReadersAsync(db, context.Update.Outbox, draft,
            $"<b>Silence extended</b>: {draft.Label} · {Html.Escape(draft.Title)} is under silence until <b>{TimeDisplay.InZone(deadline, null)}</b> (extended by the chair by {hours} h).",
            cancellationToken);
    }
}

internal static class SilenceCommands
{
    /// <summary>The chair (who may not be able to read the text) or the penholder delegation.</summary>
    public static async Task<Draft?> FindForChairOrPenholderAsync(CommandContext context, DraftDesk desk, string word, string usage, CancellationToken cancellationToken)
    {
        if (context.Actor.IsChair)
        {
            return await desk.FindAsync(context, word, usage, cancellationToken);
        }

        var draft = await desk.FindReadableAsync(context, word, usage, cancellationToken);
        if (draft is not null && Permissions.MayRevise(context.Actor.Rights, [draft.PenholderCode]).IsRefused)
        {
            context.Reply("Only the president of the council this month or the penholder delegation may start the silence procedure.");
            return null;
        }

        return draft;
    }
}
