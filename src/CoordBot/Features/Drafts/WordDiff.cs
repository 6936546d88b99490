using System.Text;
using System.Text.RegularExpressions;
using CoordBot.Telegram.Rendering;
using DiffPlex;
using DiffPlex.Model;

namespace CoordBot.Features.Drafts;

/// <summary>
/// A word-level comparison of two texts by DiffPlex, rendered for Telegram: removed words struck through,
/// added words underlined, everything escaped. The result is cut into messages that each close their own
/// tags, so no split leaves a tag open.
/// </summary>
public static partial class WordDiff
{
    public enum Kind
    {
        Same,
        Removed,
        Added,
    }

    public sealed record Run(Kind Kind, string Text);

    /// <summary>The runs of unchanged, removed and added text, in reading order.</summary>
    public static IReadOnlyList<Run> Compare(string oldText, string newText)
    {
        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, WordsAndSpaces.Instance);
        var runs = new List<Run>();
        var a = 0;
        var b = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(runs, Kind.Same, result.PiecesOld, a, block.DeleteStartA - a);
            Add(runs, Kind.Removed, result.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            Add(runs, Kind.Added, result.PiecesNew, block.InsertStartB, block.InsertCountB);
            a = block.DeleteStartA + block.DeleteCountA;
            b = block.InsertStartB + block.InsertCountB;
        }

        Add(runs, Kind.Same, result.PiecesOld, a, result.PiecesOld.Count - a);
        return runs;
    }

    /// <summary>
    /// Telegram HTML messages of at most <paramref name="limit"/> characters each. The whole comparison is
    /// escaped first and then cut by <see cref="MessageSplitter"/>, which counts what escaping added (a run of
    /// '&amp;' grows five times) and closes and reopens a tag it has to cut through.
    /// </summary>
    public static IReadOnlyList<string> Render(IReadOnlyList<Run> runs, string headerHtml, int limit = 3800)
    {
        var html = new StringBuilder(headerHtml).Append("\n\n");
        foreach (var run in runs)
        {
            // Tags never span a line break, so a paragraph break stays a cut outside every tag.
            foreach (var line in Lines(run.Text))
            {
                html.Append(Wrap(run.Kind, line));
            }
        }

        return MessageSplitter.Split(html.ToString().TrimEnd(), limit);
    }

    public static (int Removed, int Added) CountWords(IReadOnlyList<Run> runs) =>
        (runs.Where(r => r.Kind == Kind.Removed).Sum(r => WordCount(r.Text)), runs.Where(r => r.Kind == Kind.Added).Sum(r => WordCount(r.Text)));

    private static int WordCount(string text) => Word().Count(text);

    private static string Wrap(Kind kind, string text)
    {
        if (kind == Kind.Same || string.IsNullOrWhiteSpace(text))
        {
            return Html.Escape(text);
        }

        // Keep line breaks outside the tags, so a paragraph break stays a split point.
        var trimmed = text.TrimEnd('\n');
        var tail = text[trimmed.Length..];
        var tag = kind == Kind.Removed ? "s" : "u";
        return $"<{tag}>{Html.Escape(trimmed)}</{tag}>{tail}";
    }

    private static IEnumerable<string> Lines(string text)
    {
        var start = 0;
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', start))
        {
            yield return text[start..(i + 1)];
            start = i + 1;
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    private static void Add(List<Run> runs, Kind kind, IReadOnlyList<string> pieces, int start, int count)
    {
        if (count <= 0)
        {
            return;
        }

        var text = string.Concat(pieces.Skip(start).Take(count));
        if (runs.Count > 0 && runs[^1].Kind == kind)
        {
            runs[^1] = runs[^1] with { Text = runs[^1].Text + text };
        }
        else
        {
            runs.Add(new Run(kind, text));
        }
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();

    /// <summary>A surrogate pair (an emoji) is one mark: compared by halves, a changed emoji left a half on each side.</summary>
    [GeneratedRegex(@"\s+|\w+|[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\w\s]")]
    private static partial Regex Token();

    /// <summary>Words, runs of white space and single punctuation marks as DiffPlex's units of comparison.</summary>
    private sealed class WordsAndSpaces : IChunker
    {
        public static readonly WordsAndSpaces Instance = new();

        public IReadOnlyList<string> Chunk(string text) => Token().Matches(text).Select(m => m.Value).ToArray();
    }
}
