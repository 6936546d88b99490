using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Drafts;

/// <summary><c>/revise D&lt;n&gt;</c> + text (or a document): the penholder's new version; refused once the text is locked.</summary>
internal sealed class ReviseHandler(DraftDesk desk, IDocumentFetcher fetcher) : DraftCommand(desk)
{
    public override CommandInfo Info { get; } = new("revise", "/revise D<n>, then the new text after a line break (or as a .txt/.md document with this as its caption)", "Penholder: a new version of a draft")
    {
        Rule = Rules.Of(Permissions.MayHoldPens),
        Where = ChatScope.CouncilChat,
        Example = "/revise D3, a line break, then the whole new text",
    };

    protected override DraftReach Reach => DraftReach.Penholder;

    protected override DraftAction? Action => DraftAction.Revise;

    protected override async Task ExecuteAsync(CommandContext context, Draft draft, CancellationToken cancellationToken)
    {
        var text = await DraftTextInput.ReadAsync(context, fetcher, Info.Usage, cancellationToken);
        if (!text.IsSuccess)
        {
            context.Reply(Html.Escape(Access.Sentence(text.Error)));
            return;
        }

        var db = context.Update.Db;
        var current = await Desk.VersionAsync(db, draft, draft.CurrentVersion, cancellationToken);
        if (current.Hash == ContentHash.Of(text.Value))
        {
            context.Reply($"That is the text of {draft.Label} v{current.Number} already (hash <code>{current.ShortHash}</code>): no new version was made.");
            return;
        }

        var now = context.Update.NowUtc;
        var version = DraftDesk.NewVersion(draft, current.Number + 1, text.Value, context.Actor, now);
        db.DraftVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        draft.CurrentVersion = version.Number;
        draft.CurrentVersionId = version.Id;

        var accepted = await db.DraftAmendments.CountAsync(m => m.DraftId == draft.Id && m.Status == AmendmentStatus.Accepted && m.VersionNumber == current.Number, cancellationToken);
        context.Update.Audit("draft.revised", $"{draft.Label} v{version.Number} {version.Hash} by {context.Actor.UserId} ({context.Actor.DelegationCode})");
        context.Reply($"{draft.Label} is now at version {version.Number}, content hash <code>{version.ShortHash}</code>."
            + (accepted > 0 ? $" ({accepted} accepted amendment(s) were proposed on v{current.Number}.)" : string.Empty));
        await Desk.NotifyReadersAsync(db, context.Update.Outbox, draft,
            $"<b>{draft.Label} v{version.Number}</b> · {Html.Escape(draft.Title)}: a new version by {Html.Escape(version.AuthorName)} ({version.AuthorDelegation}), content hash <code>{version.ShortHash}</code>.\n"
            + $"Read it with /draft {draft.Label}, compare with /diff {draft.Label} v{current.Number} v{version.Number}.",
            cancellationToken);
    }
}
