using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary><c>/comment D&lt;n&gt; [§&lt;k&gt;] &lt;text&gt;</c>: a delegation's comment on the current version.</summary>
internal sealed class CommentHandler(DraftDesk desk) : ICommandHandler
{
    private const string Usage = "/comment D<n> [§<k>] <text>";

    public CommandInfo Info { get; } = new("comment", Usage, "Comment on a draft, optionally on paragraph §k", a => Permissions.MayComment(a.Rights).IsAllowed);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!Access.CouncilBusiness(context) || !Access.Allowed(context, Permissions.MayComment(context.Actor.Rights)))
        {
            return;
        }

        var input = await DraftInput.ParseAsync(context, desk, Usage, cancellationToken);
        if (input is null || !DraftDesk.Allowed(context, input.Draft, DraftAction.Comment))
        {
            return;
        }

        var (draft, paragraph, text) = (input.Draft, input.Paragraph, input.Text);
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
        };
        context.Update.Db.DraftComments.Add(comment);
        context.Update.Audit("draft.commented", $"{draft.Label} v{draft.CurrentVersion}{(paragraph is { } p ? $" §{p}" : string.Empty)} by {actor.UserId} ({actor.DelegationCode})");
        var where = $"{draft.Label} v{draft.CurrentVersion}{(paragraph is { } k ? $" §{k}" : string.Empty)}";
        context.Reply($"Your comment on {where} is recorded. Everyone who can read the draft sees it with /comments {draft.Label}.");
        if (draft.PenholderCode != actor.DelegationCode)
        {
            await desk.SendAsync(context.Update.Db, context.Update.Outbox, [draft.PenholderCode],
                $"Comment on <b>{where}</b> from {desk.Delegation(actor.DelegationCode!)}, {Html.Escape(actor.DisplayName)}:\n{Html.Escape(text)}",
                cancellationToken);
        }
    }
}

/// <summary>The shared shape of /comment and /amend: a readable draft, an optional §k that exists, and a text.</summary>
internal sealed record DraftInput(Draft Draft, int? Paragraph, string Text)
{
    public const int MaxLength = 4000;

    public static async Task<DraftInput?> ParseAsync(CommandContext context, DraftDesk desk, string usage, CancellationToken cancellationToken)
    {
        var words = context.Command.Words;
        if (words.Count == 0)
        {
            context.Reply($"Usage: {Html.Escape(usage)}, for example {Html.Escape(usage.Split(' ')[0])} D3 §2 ...");
            return null;
        }

        var draft = await desk.FindReadableAsync(context, words[0], usage, cancellationToken);
        if (draft is null)
        {
            return null;
        }

        var rest = context.Command.Arguments[words[0].Length..].TrimStart();
        int? paragraph = null;
        if (words.Count > 1 && words[1].StartsWith('§'))
        {
            if (!DraftRefs.TryParseParagraph(words[1], out var k))
            {
                context.Reply($"Write the paragraph as §1, §2, ... Usage: {Html.Escape(usage)}.");
                return null;
            }

            var version = await desk.VersionAsync(context.Update.Db, draft, draft.CurrentVersion, cancellationToken);
            var found = Paragraphs.Get(version.Text, k);
            if (!found.IsSuccess)
            {
                context.Reply(Html.Escape(Access.Sentence($"{draft.Label} v{draft.CurrentVersion}: {found.Error}")));
                return null;
            }

            paragraph = k;
            rest = rest[words[1].Length..].TrimStart();
        }

        var text = (context.Command.Body is { } body ? $"{rest}\n{body}" : rest).Trim();
        if (text.Length == 0 || text.Length > MaxLength)
        {
            context.Reply(text.Length == 0
                ? $"The text is missing. Usage: {Html.Escape(usage)}."
                : $"That is {text.Length} characters; keep it under {MaxLength}.");
            return null;
        }

        return new DraftInput(draft, paragraph, text);
    }
}
