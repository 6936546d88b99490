using CoordBot.Domain.Drafts;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Drafts;

/// <summary>
/// <c>/circulate D&lt;n&gt; [CODE,CODE...]</c>: sends the current version to every member delegation (or the named
/// ones) and adds them to the circulation list, which decides who may read the draft.
/// </summary>
internal sealed class CirculateHandler(DraftDesk desk) : ICommandHandler
{
    private const string Usage = "/circulate D<n> [CODE,CODE...]";

    public CommandInfo Info { get; } = new("circulate", Usage, "Penholder: send a draft to every delegation (or the named ones)", a => a.IsMember);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!Access.CouncilBusiness(context))
        {
            return;
        }

        var words = context.Command.Words;
        var draft = await desk.FindReadableAsync(context, context.Command.FirstWord, Usage, cancellationToken);
        if (draft is null || !DraftDesk.Penholder(context, draft) || !DraftDesk.Allowed(context, draft, DraftAction.Circulate))
        {
            return;
        }

        var council = desk.Council.Council;
        List<string> targets;
        if (words.Count > 1)
        {
            var named = string.Join(',', words.Skip(1)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(c => c.ToUpperInvariant()).Distinct().ToList();
            var unknown = named.Where(c => !council.IsMember(c)).ToList();
            if (unknown.Count > 0 || named.Count == 0)
            {
                context.Reply($"{Html.Escape(string.Join(", ", unknown))} {(unknown.Count == 1 ? "is" : "are")} not a member of the council. Send /delegations to see the codes; usage: {Html.Escape(Usage)}.");
                return;
            }

            targets = named;
        }
        else
        {
            targets = council.Members.Select(m => m.Code).ToList();
        }

        targets.Remove(draft.PenholderCode);
        var db = context.Update.Db;
        var now = context.Update.NowUtc;
        var already = await db.DraftCirculations.Where(c => c.DraftId == draft.Id).Select(c => c.DelegationCode).ToListAsync(cancellationToken);
        foreach (var code in targets.Where(c => !already.Contains(c)))
        {
            db.DraftCirculations.Add(new DraftCirculation { DraftId = draft.Id, DelegationCode = code, CirculatedAt = now, CirculatedBy = context.Actor.UserId });
        }

        var version = await desk.VersionAsync(db, draft, draft.CurrentVersion, cancellationToken);
        var html = $"Circulated by {desk.Delegation(draft.PenholderCode)}, penholder:\n{desk.FullText(draft, version, zoneId: null)}";
        var recipients = await desk.RecipientsAsync(db, targets, cancellationToken);
        var chats = await desk.SendAsync(db, context.Update.Outbox, targets, html, cancellationToken);
        var unreachable = recipients.Where(r => r.Value.Count == 0).Select(r => r.Key).Order(StringComparer.Ordinal).ToList();

        context.Update.Audit("draft.circulated", $"{draft.Label} v{version.Number} {version.Hash} to {string.Join(",", targets)} by {context.Actor.UserId}");
        context.Reply($"{draft.Label} v{version.Number} (hash <code>{version.ShortHash}</code>) was circulated to {targets.Count} delegation(s), {chats} chat(s): {string.Join(", ", targets.Order(StringComparer.Ordinal))}."
            + (unreachable.Count > 0 ? $"\nNobody is registered yet for {string.Join(", ", unreachable)}: they are on the circulation list and can read it with /draft {draft.Label} once they join." : string.Empty));
    }
}
