using CoordBot.BotApi.Internal;

namespace CoordBot.Tests.Hardening;

/// <summary>Checks rendered parts the way Telegram takes them: the emulator's parser of Telegram's HTML, its length limit, no empty text.</summary>
internal static class TelegramHtmlCheck
{
    /// <summary>The text a reader sees; throws (Telegram's 400 "can't parse entities") when the HTML is not valid.</summary>
    public static string Visible(string html) => TelegramHtml.Parse(html).PlainText;

    /// <summary>Every part is valid, within <paramref name="limit"/>, not empty, and together they show the whole's text.</summary>
    public static void AssertParts(IReadOnlyList<string> parts, string wholeVisible, int limit)
    {
        Assert.NotEmpty(parts);
        var shown = new List<string>(parts.Count);
        foreach (var part in parts)
        {
            Assert.True(part.Length <= limit, $"A part has {part.Length} characters, over {limit}");
            var visible = Visible(part);
            Assert.True(visible.Trim().Length > 0, "A part shows nothing: Telegram refuses an empty message");
            Assert.False(HasLoneSurrogate(visible), "A part carries half of a surrogate pair");
            shown.Add(visible);
        }

        AssertSameText(wholeVisible, shown);
    }

    /// <summary>The parts in order are the whole, but for white space dropped where the text was cut.</summary>
    public static void AssertSameText(string whole, IReadOnlyList<string> parts)
    {
        var at = 0;
        for (var p = 0; p < parts.Count; p++)
        {
            var part = p == 0 ? parts[p] : parts[p].TrimStart();
            if (p > 0)
            {
                while (at < whole.Length && char.IsWhiteSpace(whole[at]))
                {
                    at++;
                }
            }

            var expected = whole.AsSpan(at, Math.Min(part.Length, whole.Length - at));
            if (!expected.SequenceEqual(part))
            {
                var same = expected.CommonPrefixLength(part);
                Assert.Fail($"Part {p + 1} of {parts.Count} differs from the whole at character {at + same}: expected \"{Excerpt(whole, at + same)}\", got \"{Excerpt(part, same)}\"");
            }

            at += part.Length;
        }

        Assert.True(whole.AsSpan(at).IsWhiteSpace(), $"The parts end at {at} of {whole.Length}; lost: \"{Excerpt(whole, at)}\"");
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Excerpt(string text, int at) =>
        string.Concat(text.Skip(at).Take(40).Select(c => char.IsControl(c) || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}
