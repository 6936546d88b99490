using CoordBot.Domain.Membership;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary>
/// <c>/comment_private D&lt;n&gt; [§&lt;k&gt;] &lt;text&gt;</c>: a comment addressed to the penholder alone. The penholder sees it
/// marked as private; the author's delegation sees its own; no other delegation ever does.
/// </summary>
internal sealed class PrivateCommentHandler(DraftDesk desk) : CommentHandler(desk)
{
    public override CommandInfo Info { get; } = new("comment_private", "/comment_private D<n> [§<k>] <text>", "Comment on a draft to the penholder only")
    {
        Rule = Rules.Of(Permissions.MayCommentOnDrafts),
        Where = ChatScope.CouncilChat,
        Example = "/comment_private D3 §2 We could accept this if ...",
    };

    protected override bool ToPenholderOnly => true;
}
