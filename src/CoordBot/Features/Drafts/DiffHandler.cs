using CoordBot.Domain.Membership;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Drafts;

/// <summary><c>/diff D&lt;n&gt; v&lt;a&gt; v&lt;b&gt;</c>: what changed between two versions, word by word.</summary>
internal sealed class DiffHandler(DraftDesk desk) : DraftCommand<DiffHandler.Versions>(desk)
{
    public override CommandInfo Info { get; } = new("diff", "/diff D<n> v<a> v<b>", "Compare two versions of a draft word by word")
    {
        Rule = Rules.Of(Permissions.MayOpenDrafts),
        Where = ChatScope.CouncilChat,
        Example = "/diff D3 v1 v2",
    };

    // The versions are checked after the lookup: the answer names the versions the draft has.
    protected override Versions ParseArguments(ArgReader args) => new(args.Text(), args.Text());

    protected override async Task ExecuteAsync(CommandContext context, Draft draft, Versions args, CancellationToken cancellationToken)
    {
        if (!DraftRefs.TryParseVersion(args.Older, out var a) || !DraftRefs.TryParseVersion(args.Newer, out var b)
            || a > draft.CurrentVersion || b > draft.CurrentVersion)
        {
            context.Reply($"Name two versions as v1, v2, ...: {draft.Label} has versions v1 to v{draft.CurrentVersion}.");
            return;
        }

        var versions = await context.Update.Db.DraftVersions.AsNoTracking()
            .Where(v => v.DraftId == draft.Id && (v.Number == a || v.Number == b))
            .ToDictionaryAsync(v => v.Number, cancellationToken);
        var (older, newer) = (versions[a], versions[b]);
        var runs = WordDiff.Compare(older.Text, newer.Text);
        var (removed, added) = WordDiff.CountWords(runs);
        var header = $"<b>{draft.Label}</b> · {Html.Escape(draft.Title)}: changes from v{a} (<code>{older.ShortHash}</code>) to v{b} (<code>{newer.ShortHash}</code>)\n"
            + (a == b || older.Hash == newer.Hash
                ? "The two texts are identical."
                : $"<s>struck through</s>: removed ({removed} words); <u>underlined</u>: added ({added} words).");
        if (older.Hash == newer.Hash)
        {
            context.Reply(header);
            return;
        }

        foreach (var message in WordDiff.Render(runs, header))
        {
            context.Reply(message);
        }
    }

    internal sealed record Versions(string Older, string Newer);
}
