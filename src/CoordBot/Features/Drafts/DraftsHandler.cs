using System.Text;
using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Drafts;

/// <summary><c>/drafts</c>: the drafts my delegation can read (the chair sees every draft's status, never a text it may not read).</summary>
internal sealed class DraftsHandler : Command
{
    // Observers read no drafts, so they learn no titles either (issue 12 item 4).
    public override CommandInfo Info { get; } = new("drafts", "/drafts", "Drafts with status, current version, penholder and deadline")
    {
        Rule = Rules.Of(Permissions.MayListDrafts),
        Where = ChatScope.CouncilChat,
    };

    protected override async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var db = context.Update.Db;
        var actor = context.Actor;
        var own = actor.DelegationCode;
        var chat = context.Update.IsPrivate ? own : actor.ChatDelegationCode;
        var ownReads = own is null ? [] : await DraftDesk.ReadableByAsync(db, own, cancellationToken);
        var chatReads = chat is null ? [] : chat == own ? ownReads : await DraftDesk.ReadableByAsync(db, chat, cancellationToken);
        var drafts = await db.Drafts.AsNoTracking().OrderBy(d => d.Id).ToListAsync(cancellationToken);

        // In a group, only what the group's delegation may read: the chair's and an operator's overview is for a private chat.
        var overview = actor.IsChair && context.Update.IsPrivate;

        var zone = DraftDesk.ZoneFor(context);
        var text = new StringBuilder("<b>Drafts</b>\n");
        var shown = 0;
        foreach (var draft in drafts)
        {
            var readable = ownReads.Contains(draft.Id) && chatReads.Contains(draft.Id);
            var listed = context.Update.IsPrivate ? readable : chatReads.Contains(draft.Id) && (readable || actor.IsChair);
            if (!listed && !overview)
            {
                continue;
            }

            shown++;
            text.Append($"{draft.Label} v{draft.CurrentVersion} · {Html.Escape(draft.Title)} — {DraftDesk.StatusName(draft.Status)}");
            if (draft.Status == DraftStatus.UnderSilence && draft.SilenceDeadlineUtc is { } deadline)
            {
                text.Append($", silence until {TimeDisplay.InZone(deadline, zone)}");
            }

            text.Append($"; penholder {draft.PenholderCode}");
            if (draft.AgendaItemId is { } item)
            {
                text.Append($"; A{item}");
            }

            text.Append(readable ? string.Empty : " (not circulated to your delegation)").Append('\n');
        }

        if (shown == 0)
        {
            text.Append("None that your delegation can read. A draft is visible to its penholder and to the delegations it was circulated to; create one with /draft_new.");
        }
        else
        {
            text.Append("Read one with /draft D&lt;n&gt;.");
        }

        context.Reply(text.ToString().TrimEnd());
    }
}
