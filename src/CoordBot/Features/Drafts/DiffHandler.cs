using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Drafts;

/// <summary><c>/diff D&lt;n&gt; v&lt;a&gt; v&lt;b&gt;</c>: what changed between two versions, word by word; <c>/diff D&lt;n&gt;</c> (the Diff button): the previous version against the current one.</summary>
internal sealed class DiffHandler(DraftDesk desk) : DraftCommand<DiffHandler.Versions>(desk)
{
    public override CommandInfo Info { get; } = new("diff", "/diff D<n> v<a> v<b>", "Compare two versions of a draft word by word")
    {
        Rule = Rules.Of(Permissions.MayOpenDrafts),
        Where = ChatScope.CouncilChat,
        Example = "/diff D3 v1 v2",
    };

    // The versions are checked after the lookup: the answer names the versions the draft has.
    protected override Versions ParseArguments(ArgReader args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var older = args.OptionalText();
        return new(older, older is null ? null : args.Text());
    }

    protected override async Task ExecuteAsync(CommandContext context, Draft draft, Versions args, CancellationToken cancellationToken)
    {
        if (args.Older is null && draft.CurrentVersion == 1)
        {
            context.Reply(context.Text("Drafts.Diff.OnlyOne", draft.Label));
            return;
        }

        var (olderWord, newerWord) = args.Older is null ? ($"v{draft.CurrentVersion - 1}", $"v{draft.CurrentVersion}") : (args.Older, args.Newer);
        if (!DraftRefs.TryParseVersion(olderWord, out var a) || !DraftRefs.TryParseVersion(newerWord, out var b)
            || a > draft.CurrentVersion || b > draft.CurrentVersion)
        {
            context.Reply(context.Text("Drafts.Diff.NameTwo", draft.Label, draft.CurrentVersion));
            return;
        }

        var versions = await context.Update.Db.DraftVersions.AsNoTracking()
            .Where(v => v.DraftId == draft.Id && (v.Number == a || v.Number == b))
            .ToDictionaryAsync(v => v.Number, cancellationToken);
        var (older, newer) = (versions[a], versions[b]);
        var runs = WordDiff.Compare(older.Text, newer.Text);
        var (removed, added) = WordDiff.CountWords(runs);
        // The amendments the newer text carries over the older one (applied by /apply), named as the version notice names them.
        var (low, high) = (Math.Min(a, b), Math.Max(a, b));
        var carried = await context.Update.Db.DraftAmendments.AsNoTracking()
            .Where(m => m.DraftId == draft.Id && m.AppliedInVersion > low && m.AppliedInVersion <= high)
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .ToListAsync(cancellationToken);
        var header = context.Text("Drafts.Diff.Heading", draft.Label, Html.Escape(draft.Title), a, older.ShortHash, b, newer.ShortHash) + "\n"
            + (carried.Count > 0 ? context.Text("Drafting.Diff.Carries", string.Join(", ", carried.Select(id => $"M{id}")), high) + "\n" : string.Empty)
            + (a == b || older.Hash == newer.Hash
                ? context.Text("Drafts.Diff.Identical")
                : context.Text("Drafts.Diff.Legend", removed, added));
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

    internal sealed record Versions(string? Older, string? Newer);
}
