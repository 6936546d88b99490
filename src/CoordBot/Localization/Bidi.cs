namespace CoordBot.Localization;

/// <summary>
/// Arabic is read right to left, and a line that mixes it with Latin ids (D3, S2), codes and numbers is
/// reordered by the reader's Unicode bidirectional algorithm: "D3" can end up after the words it precedes, a
/// range "2-4" reversed. Each inserted value is wrapped in a first-strong isolate (U+2068 .. U+2069), which
/// keeps its own order inside and takes no part in the order around it; each line starts with a right-to-left
/// mark so that Telegram lays out a line opening with an id right to left too.
/// </summary>
public static class Bidi
{
    public const char FirstStrongIsolate = '\u2068';
    public const char PopDirectionalIsolate = '\u2069';
    public const char RightToLeftMark = '\u200F';

    /// <summary>The value isolated from the text around it (for a right-to-left language; unchanged otherwise).</summary>
    public static string Isolate(string language, string value) =>
        Languages.IsRightToLeft(language) && value.Length > 0 ? $"{FirstStrongIsolate}{value}{PopDirectionalIsolate}" : value;

    /// <summary>Every line marked right to left (for a right-to-left language; unchanged otherwise).</summary>
    public static string Lines(string language, string text)
    {
        if (!Languages.IsRightToLeft(language) || text.Length == 0)
        {
            return text;
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length > 0 && lines[i][0] != RightToLeftMark)
            {
                lines[i] = RightToLeftMark + lines[i];
            }
        }

        return string.Join('\n', lines);
    }
}
