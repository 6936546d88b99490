using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary><c>/draft_new [A&lt;n&gt;] &lt;title&gt;</c> + text (or a .txt/.md document): draft D&lt;n&gt; version 1, the author's delegation holds the pen.</summary>
internal sealed class DraftNewHandler(DraftDesk desk, IDocumentFetcher fetcher) : ICommandHandler
{
    private const string Usage = "/draft_new [A<n>] <title>, then the text after a line break (or send a .txt/.md document with this as its caption)";

    public CommandInfo Info { get; } = new("draft_new", Usage, "Create a draft; your delegation holds the pen", a => Permissions.MayCreateDraft(a.Rights).IsAllowed);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!Access.CouncilBusiness(context) || !Access.Allowed(context, Permissions.MayCreateDraft(context.Actor.Rights)))
        {
            return;
        }

        var words = context.Command.Words;
        long? agendaItem = null;
        var title = context.Command.Arguments;
        if (words.Count > 0 && DraftRefs.TryParse(words[0], 'A', out var item))
        {
            agendaItem = item;
            title = title[words[0].Length..].Trim();
        }

        if (title.Length == 0 || title.Length > 300)
        {
            context.Reply(title.Length == 0
                ? $"The draft needs a title. Usage: {Html.Escape(Usage)}."
                : "The title is too long (300 characters at most); put the text after a line break.");
            return;
        }

        if (agendaItem is { } itemId && await context.Update.Db.AgendaItems.FindAsync([itemId], cancellationToken) is null)
        {
            context.Reply($"There is no agenda item A{itemId}. See a session's items with /agenda S&lt;n&gt;, or create the draft without an item.");
            return;
        }

        var text = await DraftTextInput.ReadAsync(context, fetcher, Usage, cancellationToken);
        if (!text.IsSuccess)
        {
            context.Reply(Html.Escape(Access.Sentence(text.Error)));
            return;
        }

        var db = context.Update.Db;
        var now = context.Update.NowUtc;
        var actor = context.Actor;
        var draft = new Draft
        {
            Title = title,
            AgendaItemId = agendaItem,
            PenholderCode = actor.DelegationCode!,
            Status = DraftStatus.Negotiation,
            CurrentVersion = 1,
            CreatedBy = actor.UserId,
            CreatedAt = now,
        };
        db.Drafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        var version = DraftDesk.NewVersion(draft, 1, text.Value, actor, now);
        db.DraftVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        draft.CurrentVersionId = version.Id;

        context.Update.Audit("draft.created", $"{draft.Label} v1 {version.Hash} \"{title}\" by {actor.UserId} ({actor.DelegationCode})" + (agendaItem is { } a ? $", agenda item A{a}" : string.Empty));
        context.Reply(
            $"Created <b>{draft.Label}</b> · {Html.Escape(title)}, version 1 ({Paragraphs.Split(text.Value).Count} paragraphs, {text.Value.Length} characters), content hash <code>{version.ShortHash}</code>. "
            + $"Your delegation, {desk.Delegation(draft.PenholderCode)}, holds the pen."
            + (agendaItem is { } linked ? $" Linked to agenda item A{linked}." : string.Empty)
            + $"\nOnly your delegation can read it until you circulate it: /circulate {draft.Label} (to every delegation) or /circulate {draft.Label} CODE,CODE.");
    }
}
