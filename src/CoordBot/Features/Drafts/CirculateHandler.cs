using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Drafts;

/// <summary>
/// <c>/circulate D&lt;n&gt; [CODE,CODE...]</c>: sends the current version to every member delegation (or the named
/// ones) and adds them to the circulation list, which decides who may read the draft.
/// </summary>
internal sealed class CirculateHandler(DraftDesk desk) : PenholderCommand<IReadOnlyList<string>?>(desk)
{
    public override CommandInfo Info { get; } = Declare("circulate", "/circulate D<n> [CODE,CODE...]", "Penholder: send a draft to every delegation (or the named ones)", "/circulate D3 or /circulate D3 FRA,DEU");

    protected override DraftAction? Action => DraftAction.Circulate;

    // Null: every member delegation. "FRA,DEU", "FRA, DEU" and "FRA DEU" all name two; commas alone name nobody (the usage line).
    protected override IReadOnlyList<string>? ParseArguments(ArgReader args)
    {
        var rest = args.Rest(optional: true);
        if (rest.Length == 0)
        {
            return null;
        }

        var named = rest.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).Distinct().ToList();
        if (named.Count == 0)
        {
            args.Fail();
        }

        return named;
    }

    protected override async Task ExecuteAsync(CommandContext context, Draft draft, IReadOnlyList<string>? named, CancellationToken cancellationToken)
    {
        var council = Desk.Council.Council;
        var unknown = named?.Where(c => !council.IsMember(c)).ToList() ?? [];
        if (unknown.Count > 0)
        {
            context.Reply(context.Text(unknown.Count == 1 ? "Drafts.Circulate.NotMemberOne" : "Drafts.Circulate.NotMemberMany", Html.Escape(string.Join(", ", unknown)), Html.Escape(Info.Usage)));
            return;
        }

        var targets = named?.ToList() ?? council.Members.Select(m => m.Code).ToList();
        targets.Remove(draft.PenholderCode);
        var db = context.Update.Db;
        var now = context.Update.NowUtc;
        var already = await db.DraftCirculations.Where(c => c.DraftId == draft.Id).Select(c => c.DelegationCode).ToListAsync(cancellationToken);
        foreach (var code in targets.Where(c => !already.Contains(c)))
        {
            db.DraftCirculations.Add(new DraftCirculation { DraftId = draft.Id, DelegationCode = code, CirculatedAt = now, CirculatedBy = context.Actor.UserId });
        }

        var version = await Desk.VersionAsync(db, draft, draft.CurrentVersion, cancellationToken);
        string Message(string language) => $"{Catalogue.Format(language, "Drafts.Circulated", Desk.Delegation(language, draft.PenholderCode))}\n{Desk.FullText(language, draft, version, zoneId: null)}";
        var recipients = await Desk.RecipientsAsync(db, targets, cancellationToken);
        // The chat the penholder circulated from reads the reply below, not the notice as well.
        var chats = await Desk.SendAsync(db, context.Update.Outbox, targets, draft, Message, cancellationToken, answered: context.Update.ChatId);
        await Desk.SendOriginalAsync(db, context.Update.Outbox, targets, draft, version, cancellationToken);
        var unreachable = recipients.Where(r => r.Value.Count == 0).Select(r => r.Key).Order(StringComparer.Ordinal).ToList();

        context.Update.Audit("draft.circulated", $"{draft.Label} v{version.Number} {version.Hash} to {string.Join(",", targets)} by {context.Actor.UserId}");
        context.Update.Reply(context.Text("Drafts.Circulate.Done", draft.Label, version.Number, version.ShortHash, targets.Count, chats, string.Join(", ", targets.Order(StringComparer.Ordinal)))
            + (unreachable.Count > 0 ? "\n" + context.Text("Drafts.Circulate.Unreachable", string.Join(", ", unreachable), draft.Label) : string.Empty),
            Desk.Buttons.For(draft, context.Actor, context.Update.Language));
    }
}
