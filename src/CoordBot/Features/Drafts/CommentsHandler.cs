using System.Text;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
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
        // A comment to the penholder alone is read by the penholder and its author's delegation, in a chat of theirs only.
        var here = context.Update.IsPrivate ? context.Actor.DelegationCode : context.Actor.ChatDelegationCode;
        comments = [.. comments.Where(c => !c.ToPenholderOnly
            || (here is not null && context.Actor.DelegationCode == here && (draft.PenholderCodes.Contains(here) || here == c.DelegationCode)))];
        var amendments = await db.DraftAmendments.AsNoTracking()
            .Where(m => m.DraftId == draft.Id && m.VersionNumber == draft.CurrentVersion)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
        var version = await Desk.VersionAsync(db, draft, draft.CurrentVersion, cancellationToken);
        var zone = DraftDesk.ZoneFor(context);
        var language = context.Update.Language;

        var text = new StringBuilder(context.Text("Drafts.Comments.Heading", draft.Label, draft.CurrentVersion, Html.Escape(draft.Title), version.ShortHash, DraftDesk.StatusName(language, draft.Status))).Append('\n');
        if (comments.Count == 0 && amendments.Count == 0)
        {
            text.Append(context.Text("Drafts.Comments.None"));
        }

        var codes = comments.Select(c => c.DelegationCode).Concat(amendments.Select(m => m.DelegationCode)).Distinct().Order(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            text.Append($"\n<b>{Desk.Delegation(language, code)}</b>\n");
            foreach (var c in comments.Where(c => c.DelegationCode == code))
            {
                var privately = c.ToPenholderOnly ? context.Text("Drafting.Comments.Private") + " " : string.Empty;
                text.Append(Bidi.Lines(language, $"• {privately}{(c.Paragraph is { } p ? $"§{p} " : string.Empty)}{Html.Escape(c.AuthorName)}, {Dates.InZone(language, c.CreatedAt, zone)}: {Html.Escape(c.Text)}")).Append('\n');
            }

            foreach (var m in amendments.Where(m => m.DelegationCode == code))
            {
                text.Append(context.Text(m.Paragraph is null ? "Drafts.Comments.Amendment" : "Drafts.Comments.AmendmentTo", m.Label, m.ParagraphRef.TrimStart('§'), AmendmentState(language, m), Html.Escape(m.ProposerName)))
                    .Append(": ").Append(Html.Escape(m.Text)).Append('\n');
            }
        }

        // The penholder decides pending amendments from here too: Accept and Reject under the list, one row each.
        var buttons = amendments.SelectMany(m => Desk.Buttons.ForAmendment(m, draft, context.Actor, language)).ToList();
        context.Update.Reply(text.ToString().TrimEnd(), buttons.Count > 0 ? buttons : null);
    }

    internal static string AmendmentState(DraftAmendment m) => AmendmentState(Languages.English, m);

    internal static string AmendmentState(string language, DraftAmendment m) => m.Status switch
    {
        AmendmentStatus.Pending => Catalogue.Text(language, "Drafts.Amendment.Pending"),
        AmendmentStatus.Accepted => Catalogue.Text(language, "Drafts.Amendment.Accepted"),
        _ => m.Reason is { Length: > 0 } reason ? Catalogue.Format(language, "Drafts.Amendment.RejectedBecause", Html.Escape(reason)) : Catalogue.Text(language, "Drafts.Amendment.Rejected"),
    };
}
