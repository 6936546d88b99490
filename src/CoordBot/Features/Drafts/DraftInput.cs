using CoordBot.Domain.Drafts;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary>The shared shape of /comment and /amend: a readable draft, an optional §k that exists, and a text.</summary>
internal sealed record DraftInput(Draft Draft, int? Paragraph, string Text)
{
    public const int MaxLength = 4000;

    /// <summary>An amendment's "§k+": a new paragraph after §k (§0+: at the start) rather than §k replaced.</summary>
    public bool InsertsAfter { get; init; }

    /// <summary>What the text is about: "D3 v2", "D3 v2 §4" or "D3 v2 §4+".</summary>
    public string Where => $"{Draft.Label} v{Draft.CurrentVersion}{(Paragraph is { } k ? $" §{k}{(InsertsAfter ? "+" : string.Empty)}" : string.Empty)}";

    /// <summary>
    /// Reads <paramref name="rest"/> (the first line after the draft id) and the message's further lines; null after
    /// the reply that says what is wrong (a paragraph written otherwise or not in the text, no text, too long).
    /// </summary>
    public static async Task<DraftInput?> ReadAsync(CommandContext context, DraftDesk desk, Draft draft, string rest, CommandInfo info, CancellationToken cancellationToken, bool allowInsert = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(desk);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(info);
        int? paragraph = null;
        var first = rest.Split(' ', 2)[0];
        var inserts = allowInsert && first.Length > 2 && first.EndsWith('+');
        if (first.StartsWith('§'))
        {
            var k = 0;
            if (!(inserts && first == "§0+") && !DraftRefs.TryParseParagraph(inserts ? first[..^1] : first, out k))
            {
                context.Reply(context.Text("Drafts.Input.Paragraph", Html.Escape(info.Usage)));
                return null;
            }

            var version = await desk.VersionAsync(context.Update.Db, draft, draft.CurrentVersion, cancellationToken);
            var count = Paragraphs.Split(version.Text).Count;
            if (k > count)
            {
                context.Reply(count == 0
                    ? context.Text("Drafts.Input.EmptyText", draft.Label, draft.CurrentVersion, k)
                    : context.Text("Drafts.Input.NoParagraph", draft.Label, draft.CurrentVersion, k, count));
                return null;
            }

            paragraph = k;
            rest = rest[first.Length..].TrimStart();
        }

        var text = (context.Command.Body is { } body ? $"{rest}\n{body}" : rest).Trim();
        if (text.Length == 0 || text.Length > MaxLength)
        {
            context.Reply(text.Length == 0
                ? context.Text("Drafts.Input.Missing", Html.Escape(info.Usage))
                : context.Text("Drafts.Input.TooLong", text.Length, MaxLength));
            return null;
        }

        return new DraftInput(draft, paragraph, text) { InsertsAfter = inserts && paragraph is not null };
    }
}
