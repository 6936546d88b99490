using System.Text;
using CoordBot.Domain.Membership;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Drafts;

/// <summary><c>/comments D&lt;n&gt;</c>: comments and amendments on the current version, by delegation.</summary>
internal sealed class CommentsHandler(DraftDesk desk) : DraftCommand(desk)
{
    public override CommandInfo Info { get; } = new("comments", "/comments D<n>", "Comments and amendments on a draft's current version")
    {
        Rule = Rules.Of(Permissions.MayOpenDrafts),
        Where = ChatScope.CouncilChat,
        Example = "/comments D3",
    };

    protected override async Task ExecuteAsync(CommandContext context, Draft draft, CancellationToken cancellationToken)
    {
        var db = context.Update.Db;
        var comments = await db.DraftComments.AsNoTracking()
            .Where(c => c.DraftId == draft.Id && c.VersionNumber == draft.CurrentVersion)
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);
        var amendments = await db.DraftAmendments.AsNoTracking()
            .Where(m => m.DraftId == draft.Id && m.VersionNumber == draft.CurrentVersion)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
        var version = await Desk.VersionAsync(db, draft, draft.CurrentVersion, cancellationToken);
        var zone = DraftDesk.ZoneFor(context);

        var text = new StringBuilder($"<b>{draft.Label} v{draft.CurrentVersion}</b> · {Html.Escape(draft.Title)} (hash <code>{version.ShortHash}</code>), {DraftDesk.StatusName(draft.Status)}\n");
        if (comments.Count == 0 && amendments.Count == 0)
        {
            text.Append("No comments or amendments on this version yet.");
        }

        var codes = comments.Select(c => c.DelegationCode).Concat(amendments.Select(m => m.DelegationCode)).Distinct().Order(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            text.Append($"\n<b>{Desk.Delegation(code)}</b>\n");
            foreach (var c in comments.Where(c => c.DelegationCode == code))
            {
                text.Append($"• {(c.Paragraph is { } p ? $"§{p} " : string.Empty)}{Html.Escape(c.AuthorName)}, {TimeDisplay.InZone(c.CreatedAt, zone)}: {Html.Escape(c.Text)}\n");
            }

            foreach (var m in amendments.Where(m => m.DelegationCode == code))
            {
                text.Append($"• amendment {m.Label}{(m.Paragraph is { } p ? $" to §{p}" : string.Empty)} ({AmendmentState(m)}), {Html.Escape(m.ProposerName)}: {Html.Escape(m.Text)}\n");
            }
        }

        context.Reply(text.ToString().TrimEnd());
    }

    internal static string AmendmentState(DraftAmendment m) => m.Status switch
    {
        AmendmentStatus.Pending => "pending",
        AmendmentStatus.Accepted => "accepted",
        _ => m.Reason is { Length: > 0 } reason ? $"rejected: {Html.Escape(reason)}" : "rejected",
    };
}
