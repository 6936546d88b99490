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

    /// <summary>
    /// The value isolated from the text around it: always in a right-to-left language; in a left-to-right one only
    /// when it could reorder that text (it holds right-to-left letters or bidi controls, such as a name ending in
    /// Arabic or carrying U+202E), so that English replies stay character for character what they were for every
    /// other name, and no name, whatever it holds, can reorder the sentence around it.
    /// </summary>
    public static string Isolate(string language, string value) =>
        value.Length > 0 && (Languages.IsRightToLeft(language) || CouldReorder(value)) ? $"{FirstStrongIsolate}{value}{PopDirectionalIsolate}" : value;

    /// <summary>Whether <paramref name="value"/> holds a right-to-left letter or an explicit bidi control.</summary>
    public static bool CouldReorder(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var c in value)
        {
            if (c is (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF')
                or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200F' or '\u061C'
                || char.IsHighSurrogate(c) && c is >= '\uD802' and <= '\uD803')
            {
                return true; // Hebrew, Arabic, Syriac, Thaana, NKo and their presentation forms; RLE..RLO, isolates, RLM, ALM; U+10800..U+10FFF
            }
        }

        return false;
    }

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
