using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary><c>/draft_new [A&lt;n&gt;] &lt;title&gt;</c> + text (or a .txt/.md document): draft D&lt;n&gt; version 1, the author's delegation holds the pen.</summary>
internal sealed class DraftNewHandler(DraftDesk desk, IDocumentFetcher fetcher) : Command<DraftNewHandler.Arguments>
{
    public override CommandInfo Info { get; } = new("draft_new", "/draft_new [A<n>] <title>, then the text after a line break (or send a .txt/.md document with this as its caption)", "Create a draft; your delegation holds the pen")
    {
        Rule = Rules.Of(Permissions.MayStartDraft),
        Where = ChatScope.CouncilChat,
        Example = "/draft_new A2 Press statement on the Sahel",
    };

    // Only "A3" names an item: a bare number may be the start of the title ("/draft_new 2020 review").
    protected override Arguments Parse(ArgReader args) => new(args.OptionalPrefixedId('A'), args.Rest(optional: true));

    protected override async Task ExecuteAsync(CommandContext context, Arguments args, CancellationToken cancellationToken)
    {
        var (agendaItem, title) = args;
        if (title.Length == 0 || title.Length > 300)
        {
            context.Reply(title.Length == 0
                ? $"The draft needs a title. Usage: {Html.Escape(Info.Usage)}."
                : "The title is too long (300 characters at most); put the text after a line break.");
            return;
        }

        if (agendaItem is { } itemId && await context.Update.Db.AgendaItems.FindAsync([itemId], cancellationToken) is null)
        {
            context.Reply($"There is no agenda item A{itemId}. See a session's items with /agenda S&lt;n&gt;, or create the draft without an item.");
            return;
        }

        var text = await DraftTextInput.ReadAsync(context, fetcher, Info.Usage, cancellationToken);
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

    internal sealed record Arguments(long? AgendaItem, string Title);
}
