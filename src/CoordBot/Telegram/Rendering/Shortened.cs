using System.Globalization;

namespace CoordBot.Telegram.Rendering;

/// <summary>
/// A text cut to fit a button, a menu or a summary line: at a whole character (never inside an emoji or a
/// letter with its accents, which Telegram would refuse as broken text), with an ellipsis when cut.
/// </summary>
public static class Shortened
{
    public static string To(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 2);
        if (text.Length <= max)
        {
            return text;
        }

        var end = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext() && elements.ElementIndex + elements.GetTextElement().Length <= max - 1)
        {
            end = elements.ElementIndex + elements.GetTextElement().Length;
        }

        return text[..end] + "…";
    }
}
