namespace CoordBot.Telegram.Rendering;

/// <summary>
/// Telegram refuses messages over 4096 characters. Long texts are split at paragraph boundaries,
/// then at line ends, and only as a last resort inside a line, never inside an HTML tag or entity.
/// </summary>
public static class MessageSplitter
{
    public const int TelegramLimit = 4096;

    public static IReadOnlyList<string> Split(string html, int limit = TelegramLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 16);
        if (html.Length <= limit)
        {
            return [html];
        }

        var parts = new List<string>();
        var rest = html.AsSpan();
        while (rest.Length > limit)
        {
            var window = rest[..limit];
            var cut = window.LastIndexOf("\n\n");
            if (cut <= 0)
            {
                cut = window.LastIndexOf('\n');
            }

            if (cut <= 0)
            {
                cut = window.LastIndexOf(' ');
            }

            if (cut <= 0)
            {
                cut = limit;
            }

            cut = AvoidMarkup(window, cut);
            parts.Add(rest[..cut].TrimEnd().ToString());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            parts.Add(rest.ToString());
        }

        return parts;
    }

    /// <summary>Moves a cut back so it does not fall inside a tag (&lt;...&gt;) or an entity (&amp;...;).</summary>
    private static int AvoidMarkup(ReadOnlySpan<char> window, int cut)
    {
        var lastOpen = window[..cut].LastIndexOf('<');
        var lastClose = window[..cut].LastIndexOf('>');
        if (lastOpen > lastClose && lastOpen > 0)
        {
            cut = lastOpen;
        }

        var lastAmp = window[..cut].LastIndexOf('&');
        var lastSemi = window[..cut].LastIndexOf(';');
        if (lastAmp > lastSemi && cut - lastAmp < 10 && lastAmp > 0)
        {
            cut = lastAmp;
        }

        return cut;
    }
}
