using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CoordBot.BotApi.Internal;

/// <summary>
/// Parses Telegram's HTML parse mode the way the Bot API does: only its tags, balanced, and only
/// &amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric entities decoded. A bare '&lt;' is an error, so a bot
/// that forgets to escape user text fails here as it would in production.
/// </summary>
internal static partial class TelegramHtml
{
    private static readonly Dictionary<string, string> EntityTypeByTag = new(StringComparer.Ordinal)
    {
        ["b"] = "bold", ["strong"] = "bold",
        ["i"] = "italic", ["em"] = "italic",
        ["u"] = "underline", ["ins"] = "underline",
        ["s"] = "strikethrough", ["strike"] = "strikethrough", ["del"] = "strikethrough",
        ["tg-spoiler"] = "spoiler", ["span"] = "spoiler",
        ["a"] = "text_link",
        ["tg-emoji"] = "custom_emoji",
        ["code"] = "code",
        ["pre"] = "pre",
        ["blockquote"] = "blockquote",
    };

    public static (string PlainText, JsonArray Entities) Parse(string html)
    {
        var plain = new StringBuilder(html.Length);
        var entities = new List<(int Offset, int Length, JsonObject Entity)>();
        var open = new Stack<(string Tag, int Start, Dictionary<string, string> Attributes)>();
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                var end = html.IndexOf('>', i + 1);
                if (end < 0)
                {
                    throw Error($"Can't find end of the tag starting at byte offset {ByteOffset(html, i)}");
                }

                var inner = html[(i + 1)..end];
                if (inner.StartsWith('/'))
                {
                    var name = inner[1..].Trim().ToLowerInvariant();
                    if (open.Count == 0)
                    {
                        throw Error($"Unexpected end tag at byte offset {ByteOffset(html, i)}");
                    }

                    var top = open.Pop();
                    if (top.Tag != name)
                    {
                        throw Error($"Unmatched end tag at byte offset {ByteOffset(html, i)}, expected \"</{top.Tag}>\", found \"</{name}>\"");
                    }

                    var length = plain.Length - top.Start;
                    if (length > 0 && ToEntity(top.Tag, top.Attributes, open) is { } entity)
                    {
                        entity["offset"] = top.Start;
                        entity["length"] = length;
                        entities.Add((top.Start, length, entity));
                    }
                }
                else
                {
                    var match = StartTag().Match(inner);
                    var name = match.Success ? match.Groups["name"].Value.ToLowerInvariant() : "";
                    if (!match.Success || !EntityTypeByTag.ContainsKey(name))
                    {
                        throw Error($"Unsupported start tag \"{name}\" at byte offset {ByteOffset(html, i)}");
                    }

                    var attributes = ParseAttributes(match.Groups["rest"].Value);
                    if (name == "span" && attributes.GetValueOrDefault("class") != "tg-spoiler")
                    {
                        throw Error($"Tag \"span\" must have class \"tg-spoiler\" at byte offset {ByteOffset(html, i)}");
                    }

                    open.Push((name, plain.Length, attributes));
                }

                i = end + 1;
            }
            else if (c == '&' && TryDecodeEntity(html, i, out var decoded, out var consumed))
            {
                plain.Append(decoded);
                i += consumed;
            }
            else
            {
                plain.Append(c);
                i++;
            }
        }

        if (open.Count > 0)
        {
            throw Error($"Can't find end tag corresponding to start tag \"{open.Peek().Tag}\"");
        }

        var sorted = new JsonArray();
        foreach (var (_, _, entity) in entities.OrderBy(e => e.Offset).ThenByDescending(e => e.Length))
        {
            sorted.Add(entity);
        }

        return (plain.ToString(), sorted);
    }

    private static JsonObject? ToEntity(string tag, Dictionary<string, string> attributes, Stack<(string Tag, int Start, Dictionary<string, string> Attributes)> outer)
    {
        var type = EntityTypeByTag[tag];
        var entity = new JsonObject { ["type"] = type };
        switch (tag)
        {
            case "a":
                if (!attributes.TryGetValue("href", out var href) || href.Length == 0)
                {
                    return null;
                }

                if (TelegramLinks.Problem(href) is { } problem)
                {
                    throw ApiException.BadRequest($"entity URL '{href}' is invalid: {problem}");
                }

                entity["url"] = href;
                break;
            case "tg-emoji":
                if (!attributes.TryGetValue("emoji-id", out var emojiId))
                {
                    throw Error("Tag \"tg-emoji\" must have attribute \"emoji-id\"");
                }

                entity["custom_emoji_id"] = emojiId;
                break;
            case "code" when outer.Count > 0 && outer.Peek().Tag == "pre":
                // <pre><code class="language-x"> is one pre entity with a language.
                if (attributes.TryGetValue("class", out var cls) && cls.StartsWith("language-", StringComparison.Ordinal))
                {
                    outer.Peek().Attributes["language"] = cls["language-".Length..];
                }

                return null;
            case "pre":
                if (attributes.TryGetValue("language", out var language))
                {
                    entity["language"] = language;
                }

                break;
            case "blockquote" when attributes.ContainsKey("expandable"):
                entity["type"] = "expandable_blockquote";
                break;
        }

        return entity;
    }

    private static Dictionary<string, string> ParseAttributes(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in Attribute().Matches(text))
        {
            var value = m.Groups["dq"].Success ? m.Groups["dq"].Value
                : m.Groups["sq"].Success ? m.Groups["sq"].Value
                : m.Groups["bare"].Value;
            result[m.Groups["name"].Value] = Decode(value);
        }

        return result;
    }

    private static string Decode(string value)
    {
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length;)
        {
            if (value[i] == '&' && TryDecodeEntity(value, i, out var decoded, out var consumed))
            {
                sb.Append(decoded);
                i += consumed;
            }
            else
            {
                sb.Append(value[i++]);
            }
        }

        return sb.ToString();
    }

    private static bool TryDecodeEntity(string s, int at, out string decoded, out int consumed)
    {
        decoded = "";
        consumed = 0;
        var semicolon = s.IndexOf(';', at);
        if (semicolon < 0 || semicolon - at > 10)
        {
            return false;
        }

        var name = s[(at + 1)..semicolon];
        string? value = name switch
        {
            "lt" => "<",
            "gt" => ">",
            "amp" => "&",
            "quot" => "\"",
            _ when name.StartsWith("#x", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(name[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex) => CodePoint(hex),
            _ when name.StartsWith('#')
                && int.TryParse(name[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var dec) => CodePoint(dec),
            _ => null,
        };
        if (value is null)
        {
            return false;
        }

        decoded = value;
        consumed = semicolon - at + 1;
        return true;
    }

    private static string? CodePoint(int value) =>
        value is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32(value) : null;

    private static int ByteOffset(string s, int index) => Encoding.UTF8.GetByteCount(s.AsSpan(0, index));

    private static ApiException Error(string detail) => ApiException.BadRequest("can't parse entities: " + detail);

    [GeneratedRegex(@"^\s*(?<name>[a-zA-Z][a-zA-Z0-9-]*)(?<rest>(\s[^>]*)?)\s*/?\s*$")]
    private static partial Regex StartTag();

    [GeneratedRegex("""(?<name>[a-zA-Z-]+)(\s*=\s*("(?<dq>[^"]*)"|'(?<sq>[^']*)'|(?<bare>[^\s"'>]+)))?""")]
    private static partial Regex Attribute();
}
