using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary><c>/comment D&lt;n&gt; [§&lt;k&gt;] &lt;text&gt;</c>: a delegation's comment on the current version.</summary>
internal class CommentHandler(DraftDesk desk) : DraftInputCommand(desk)
{
    public override CommandInfo Info { get; } = new("comment", "/comment D<n> [§<k>] <text>", "Comment on a draft, optionally on paragraph §k")
    {
        Rule = Rules.Of(Permissions.MayCommentOnDrafts),
        Where = ChatScope.CouncilChat,
        Example = "/comment D3 §2 ...",
    };

    protected override DraftAction Work => DraftAction.Comment;

    /// <summary>Addressed to the penholder alone (<see cref="PrivateCommentHandler"/>).</summary>
    protected virtual bool ToPenholderOnly => false;

    protected override async Task ExecuteAsync(CommandContext context, DraftInput input, CancellationToken cancellationToken)
    {
        var (draft, paragraph, text) = input;
        var where = input.Where;
        var actor = context.Actor;
        var comment = new DraftComment
        {
            DraftId = draft.Id,
            VersionNumber = draft.CurrentVersion,
            Paragraph = paragraph,
            DelegationCode = actor.DelegationCode!,
            UserId = actor.UserId,
            AuthorName = actor.DisplayName,
            Text = text,
            CreatedAt = context.Update.NowUtc,
            ToPenholderOnly = ToPenholderOnly,
        };
        context.Update.Db.DraftComments.Add(comment);
        context.Update.Audit("draft.commented", $"{where} by {actor.UserId} ({actor.DelegationCode})" + (ToPenholderOnly ? ", to the penholder only" : string.Empty));
        context.Reply(ToPenholderOnly
            ? context.Text("Drafting.Comment.PrivateDone", where, Desk.Delegation(context.Update.Language, draft.PenholderCode))
            : context.Text("Drafts.Comment.Done", where, draft.Label));
        // Every delegation that holds the pen hears of it (co-penholders too), but not the one that wrote it.
        var penholders = draft.PenholderCodes.Where(c => c != actor.DelegationCode).ToList();
        if (penholders.Count > 0)
        {
            await Desk.SendAsync(context.Update.Db, context.Update.Outbox, penholders, draft,
                language => Catalogue.Format(language, ToPenholderOnly ? "Drafting.Comment.PrivateNotice" : "Drafts.Comment.Notice", where, Desk.Delegation(language, actor.DelegationCode!), Html.Escape(actor.DisplayName)) + "\n" + Html.Escape(text),
                cancellationToken);
        }
    }
}
