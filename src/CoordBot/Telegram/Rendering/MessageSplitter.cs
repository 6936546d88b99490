using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CoordBot.Telegram.Rendering;

/// <summary>
/// Telegram refuses messages over 4096 characters. Long texts are split at paragraph boundaries, then at
/// line ends, then at spaces (each only where the part is at least half full), and only as a last resort inside a word; never inside a tag, an entity
/// (&amp;amp;) or a character (a surrogate pair, an emoji sequence, a letter with its accents). A cut
/// outside all tags is preferred; a cut inside one closes the tags still open at the end of the part and
/// opens them again at the start of the next, so every part is valid HTML on its own. Parts hold at most
/// <c>limit</c> characters of HTML, so also at most that many characters of text.
/// </summary>
public static partial class MessageSplitter
{
    public const int TelegramLimit = 4096;

    private enum Kind : byte
    {
        Space,
        Visible,
        Tag,
    }

    public static IReadOnlyList<string> Split(string html, int limit = TelegramLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 16);
        if (html.Length <= limit)
        {
            return [html];
        }

        var tokens = Tokenize(html);
        var parts = new List<string>();
        var pos = 0;
        while (pos < tokens.Count - 1)
        {
            var open = tokens[pos].Open;
            var prefixLength = open?.OpenLength ?? 0;
            var start = tokens[pos].Start;
            if (prefixLength + html.Length - start <= limit)
            {
                AddIfVisible(parts, Reopen(open) + html[start..], tokens, pos, tokens.Count - 1);
                break;
            }

            var cut = BestCut(html, tokens, pos, limit);
            var body = html[start..tokens[cut].Start].TrimEnd();
            AddIfVisible(parts, Reopen(open) + body + Close(tokens[cut].Open), tokens, pos, cut);

            pos = cut;
            while (pos < tokens.Count - 1 && tokens[pos].Kind == Kind.Space)
            {
                pos++;
            }
        }

        return parts;
    }

    /// <summary>
    /// The token before which the part that begins at <paramref name="pos"/> ends: the latest of the best kind
    /// of boundary that leaves the part within the limit with its closing tags, and with something to read.
    /// </summary>
    private static int BestCut(string html, List<Token> tokens, int pos, int limit)
    {
        var prefixLength = tokens[pos].Open?.OpenLength ?? 0;
        var start = tokens[pos].Start;
        int best = -1, bestRank = -1, fallback = -1;
        var visible = false;
        for (var k = pos + 1; k < tokens.Count; k++)
        {
            visible |= tokens[k - 1].Kind == Kind.Visible;
            var length = prefixLength + tokens[k].Start - start;
            if (length > limit)
            {
                break;
            }

            var open = tokens[k].Open;
            if (length + (open?.CloseLength ?? 0) > limit)
            {
                continue;
            }

            fallback = k;
            if (!visible)
            {
                continue;
            }

            // A kind of break only counts when it leaves the part at least half full: a header alone is a poor message.
            var rank = length >= limit / 2 ? (Boundary(html, tokens[k].Start) * 2) + (open is null ? 1 : 0) : 0;
            if (rank >= bestRank)
            {
                (best, bestRank) = (k, rank);
            }
        }

        // Only a tag longer than the limit leaves no choice; the renderers write none, but progress is certain.
        return best > 0 ? best : fallback > 0 ? fallback : pos + 1;
    }

    /// <summary>3: a paragraph break, 2: a line end, 1: a space, 0: anywhere else.</summary>
    private static int Boundary(string html, int at) =>
        at >= 2 && html[at - 1] == '\n' && html[at - 2] == '\n' ? 3
        : html[at - 1] == '\n' ? 2
        : html[at - 1] is ' ' or '\t' ? 1
        : 0;

    private static void AddIfVisible(List<string> parts, string part, List<Token> tokens, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (tokens[i].Kind == Kind.Visible)
            {
                parts.Add(part);
                return;
            }
        }

        // Only white space and tags: nothing a reader would see, and Telegram refuses an empty message.
    }

    private static string Reopen(OpenTag? open)
    {
        if (open is null)
        {
            return string.Empty;
        }

        var tags = new List<string>();
        for (var tag = open; tag is not null; tag = tag.Outer)
        {
            tags.Add(tag.Text);
        }

        tags.Reverse();
        return string.Concat(tags);
    }

    private static string Close(OpenTag? open)
    {
        var closing = new StringBuilder();
        for (var tag = open; tag is not null; tag = tag.Outer)
        {
            closing.Append("</").Append(tag.Name).Append('>');
        }

        return closing.ToString();
    }

    /// <summary>
    /// Tags, entities and characters (text elements) in order, each with the tags open before it; a last
    /// token marks the end. The parse follows Telegram's: a tag runs to the next '&gt;', an entity is one
    /// Telegram decodes, and any other '&amp;' or '&gt;' is text.
    /// </summary>
    private static List<Token> Tokenize(string html)
    {
        var tokens = new List<Token>(html.Length + 1);
        OpenTag? open = null;
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            int end;
            if (c == '<' && (end = html.IndexOf('>', i + 1)) > 0)
            {
                tokens.Add(new Token(i, Kind.Tag, open));
                var inner = html.AsSpan(i + 1, end - i - 1);
                if (inner.StartsWith("/"))
                {
                    open = open?.Outer;
                }
                else if (!inner.EndsWith("/"))
                {
                    var name = TagName().Match(html, i + 1, end - i - 1).Value.ToLowerInvariant();
                    open = new OpenTag(name, html[i..(end + 1)], open);
                }

                i = end + 1;
            }
            else if (c == '&' && Entity().Match(html, i) is { Success: true } entity && entity.Index == i)
            {
                tokens.Add(new Token(i, Kind.Visible, open));
                i += entity.Length;
            }
            else
            {
                tokens.Add(new Token(i, char.IsWhiteSpace(c) ? Kind.Space : Kind.Visible, open));
                i += Math.Max(1, StringInfo.GetNextTextElementLength(html.AsSpan(i)));
            }
        }

        tokens.Add(new Token(html.Length, Kind.Space, open));
        return tokens;
    }

    private readonly record struct Token(int Start, Kind Kind, OpenTag? Open);

    /// <summary>A tag open at some point, with the ones around it; lengths count the whole chain.</summary>
    private sealed class OpenTag(string name, string text, OpenTag? outer)
    {
        public string Name { get; } = name;

        public string Text { get; } = text;

        public OpenTag? Outer { get; } = outer;

        public int OpenLength { get; } = text.Length + (outer?.OpenLength ?? 0);

        public int CloseLength { get; } = name.Length + 3 + (outer?.CloseLength ?? 0);
    }

    [GeneratedRegex(@"\G&(?:lt|gt|amp|quot|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")]
    private static partial Regex Entity();

    [GeneratedRegex(@"[a-zA-Z][a-zA-Z0-9-]*")]
    private static partial Regex TagName();
}
