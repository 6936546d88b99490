using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary><c>/draft_new [A&lt;n&gt;] &lt;title&gt;</c> + text (or a .txt, .md, .docx or .pdf document): draft D&lt;n&gt; version 1, the author's delegation holds the pen.</summary>
internal sealed class DraftNewHandler(DraftDesk desk, IDocumentFetcher fetcher) : Command<DraftNewHandler.Arguments>
{
    public override CommandInfo Info { get; } = new("draft_new", "/draft_new [A<n>] <title>, then the text after a line break (or send a .txt, .md, .docx or .pdf document with this as its caption)", "Create a draft; your delegation holds the pen")
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
                ? context.Text("Drafts.New.NoTitle", Html.Escape(Info.Usage))
                : context.Text("Drafts.New.TitleTooLong"));
            return;
        }

        if (agendaItem is { } itemId && await context.Update.Db.AgendaItems.FindAsync([itemId], cancellationToken) is null)
        {
            context.Reply(context.Text("Drafts.New.NoItem", $"A{itemId}"));
            return;
        }

        var read = await DraftTextInput.ReadAsync(context, fetcher, Info.Usage, cancellationToken);
        if (!read.IsAccepted)
        {
            context.Reply(DraftTextInput.Refusal(context.Update.Language, read.Refusal!));
            return;
        }

        var submission = read.Value!;

        var db = context.Update.Db;
        var now = context.Update.NowUtc;
        var actor = context.Actor;
        var draft = new Draft
        {
            Title = title,
            AgendaItemId = agendaItem,
            PenholderCode = actor.DelegationCode!,
            Status = DraftStatus.Negotiation,
            Kind = BodyKinds.Default(desk.Council.Council.WrittenProcedure),
            CurrentVersion = 1,
            CreatedBy = actor.UserId,
            CreatedAt = now,
        };
        db.Drafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        var version = DraftDesk.NewVersion(draft, 1, submission, actor, now);
        db.DraftVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        draft.CurrentVersionId = version.Id;

        context.Update.Audit("draft.created", $"{draft.Label} v1 {version.Hash} \"{title}\" by {actor.UserId} ({actor.DelegationCode})" + (agendaItem is { } a ? $", agenda item A{a}" : string.Empty)
            + (submission.Original is { } file ? $", read from {file.Kind} file \"{file.FileName}\"" : string.Empty));
        var language = context.Update.Language;
        context.Update.Reply(
            context.Text("Drafts.New.Created", draft.Label, Html.Escape(title), Paragraphs.Split(submission.Text).Count, submission.Text.Length, version.ShortHash, desk.Delegation(language, draft.PenholderCode))
            + (agendaItem is { } linked ? context.Text("Drafts.New.Linked", $"A{linked}") : string.Empty)
            + (submission.Original is { } original ? "\n" + DocumentsText.Read(language, original, Paragraphs.Split(submission.Text).Count) : string.Empty)
            + "\n" + context.Text("Drafts.New.OnlyYours", draft.Label),
            [.. desk.Buttons.For(draft, context.Actor, language), .. KindsText.Buttons(language, draft, desk.Kinds)]);
    }

    internal sealed record Arguments(long? AgendaItem, string Title);
}
