using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Drafts;

/// <summary><c>/revise D&lt;n&gt;</c> + text (or a document): the penholder's new version; refused once the text is locked.</summary>
internal sealed class ReviseHandler(DraftDesk desk, IDocumentFetcher fetcher) : PenholderCommand(desk)
{
    public override CommandInfo Info { get; } = Declare("revise", "/revise D<n>, then the new text after a line break (or as a .txt, .md, .docx or .pdf document with this as its caption)", "Penholder: a new version of a draft", "/revise D3, a line break, then the whole new text");

    protected override DraftAction? Action => DraftAction.Revise;

    protected override async Task ExecuteAsync(CommandContext context, Draft draft, CancellationToken cancellationToken)
    {
        var read = await DraftTextInput.ReadAsync(context, fetcher, Info.Usage, cancellationToken);
        if (!read.IsAccepted)
        {
            context.Reply(DraftTextInput.Refusal(context.Update.Language, read.Refusal!));
            return;
        }

        var submission = read.Value!;

        var db = context.Update.Db;
        var current = await Desk.VersionAsync(db, draft, draft.CurrentVersion, cancellationToken);
        if (current.Hash == ContentHash.Of(submission.Text))
        {
            context.Reply(context.Text("Drafts.Revise.Same", draft.Label, current.Number, current.ShortHash));
            return;
        }

        var now = context.Update.NowUtc;
        var version = DraftDesk.NewVersion(draft, current.Number + 1, submission, context.Actor, now);
        db.DraftVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        draft.CurrentVersion = version.Number;
        draft.CurrentVersionId = version.Id;

        var accepted = await db.DraftAmendments.CountAsync(m => m.DraftId == draft.Id && m.Status == AmendmentStatus.Accepted && m.VersionNumber == current.Number, cancellationToken);
        context.Update.Audit("draft.revised", $"{draft.Label} v{version.Number} {version.Hash} by {context.Actor.UserId} ({context.Actor.DelegationCode})"
            + (submission.Original is { } file ? $", read from {file.Kind} file \"{file.FileName}\"" : string.Empty));
        context.Update.Reply(context.Text("Drafts.Revise.Done", draft.Label, version.Number, version.ShortHash)
            + (accepted > 0 ? context.Text("Drafts.Revise.Accepted", accepted, current.Number) : string.Empty)
            + (submission.Original is { } original ? "\n" + DocumentsText.Read(context.Update.Language, original, Paragraphs.Split(submission.Text).Count) : string.Empty),
            Desk.Buttons.For(draft, context.Actor, context.Update.Language));
        await Desk.NotifyReadersAsync(db, context.Update.Outbox, draft,
            language => Catalogue.Format(language, "Drafts.Revise.Notice", draft.Label, version.Number, Html.Escape(draft.Title), Html.Escape(version.AuthorName), version.AuthorDelegation, version.ShortHash, current.Number),
            cancellationToken);
        await Desk.SendOriginalAsync(db, context.Update.Outbox, await Desk.ReadersAsync(db, draft, cancellationToken), draft, version, cancellationToken);
    }
}
