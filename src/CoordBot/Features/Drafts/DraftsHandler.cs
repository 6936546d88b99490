using System.Globalization;
using System.Text;
using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Drafts;

/// <summary>
/// <c>/drafts [page]</c>: the drafts my delegation can read (the chair sees every draft's status, never a text it may not
/// read), a page of <see cref="ListPage.Size"/> at a time, each readable one with a button that opens it.
/// </summary>
internal sealed class DraftsHandler : Command<int>
{
    // Observers read no drafts, so they learn no titles either (issue 12 item 4).
    public override CommandInfo Info { get; } = new("drafts", "/drafts", "Drafts with status, current version, penholder and deadline")
    {
        Rule = Rules.Of(Permissions.MayListDrafts),
        Where = ChatScope.CouncilChat,
    };

    // A page number, typed or pressed (/drafts 2); other words were always ignored, and still are.
    protected override int Parse(ArgReader args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var first = args.Rest(optional: true).Split(' ', 2)[0];
        return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1;
    }

    protected override async Task ExecuteAsync(CommandContext context, int requested, CancellationToken cancellationToken)
    {
        var db = context.Update.Db;
        var actor = context.Actor;
        var language = context.Update.Language;
        var own = actor.DelegationCode;
        var chat = context.Update.IsPrivate ? own : actor.ChatDelegationCode;
        var ownReads = own is null ? [] : await DraftDesk.ReadableByAsync(db, own, cancellationToken);
        var chatReads = chat is null ? [] : chat == own ? ownReads : await DraftDesk.ReadableByAsync(db, chat, cancellationToken);
        var drafts = await db.Drafts.AsNoTracking().OrderBy(d => d.Id).ToListAsync(cancellationToken);

        // In a group, only what the group's delegation may read: the chair's and an operator's overview is for a private chat.
        var overview = actor.IsChair && context.Update.IsPrivate;
        var shown = drafts
            .Select(d => (Draft: d, Readable: ownReads.Contains(d.Id) && chatReads.Contains(d.Id)))
            .Where(e => overview || (context.Update.IsPrivate ? e.Readable : chatReads.Contains(e.Draft.Id) && (e.Readable || actor.IsChair)))
            .ToList();
        var page = ListPage.Of(shown, requested);

        var zone = DraftDesk.ZoneFor(context);
        var text = new StringBuilder(context.Text("Drafts.List.Title"));
        if (page.Heading(language) is { Length: > 0 } heading)
        {
            text.Append(" · ").Append(heading);
        }

        text.Append('\n');
        var buttons = new List<IReadOnlyList<Button>>();
        foreach (var (draft, readable) in page.Entries)
        {
            var line = new StringBuilder(context.Text("Drafts.List.Entry", draft.Label, draft.CurrentVersion, Html.Escape(draft.Title), DraftDesk.StatusName(language, draft.Status)));
            if (draft.Status == DraftStatus.UnderSilence && draft.SilenceDeadlineUtc is { } deadline)
            {
                line.Append(context.Text("Drafts.List.SilenceUntil", Dates.InZone(language, deadline, zone)));
            }

            if (draft.Status == DraftStatus.UnderSilence && draft.HolderCodes.Count > 0)
            {
                line.Append(context.Text("Committees.HeldBy", DraftDesk.Holders(language, draft)));
            }

            line.Append(context.Text("Drafts.List.Penholder", draft.PenholderCode));
            if (draft.AgendaItemId is { } item)
            {
                line.Append(context.Text("Drafts.List.Item", $"A{item}"));
            }

            text.Append(line).Append(readable ? string.Empty : context.Text("Drafts.List.NotCirculated")).Append('\n');
            if (readable)
            {
                buttons.Add([CommandButton.For($"{draft.Label} {Shortened.To(draft.Title, 40)}", $"draft {draft.Label}")]);
            }
        }

        text.Append(shown.Count == 0 ? context.Text("Drafts.List.None") : context.Text("Drafts.List.ReadOne"));
        if (page.Navigation("drafts", language) is { Count: > 0 } navigation)
        {
            buttons.Add(navigation);
        }

        context.Update.Reply(text.ToString().TrimEnd(), buttons.Count > 0 ? buttons : null);
    }
}
