using System.Globalization;
using System.Text;

namespace CoordBot.Domain.Input;

/// <summary>
/// Digits as people type them in their own script: Arabic-Indic (٣), Extended Arabic-Indic (۳), Devanagari,
/// full-width (３) and every other Unicode decimal digit read as the ASCII digit of the same value, and the Arabic
/// decimal separator (٫) as a point. Applied where a number, an id (D٣), a date or a time is read; never to a
/// person's own words (a title keeps the digits it was written with). Pure.
/// </summary>
public static class NativeDigits
{
    private const char ArabicDecimalSeparator = '\u066B';

    /// <summary>The text with every decimal digit in ASCII (unchanged when it has none to convert).</summary>
    public static string ToAscii(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        if (!text.Any(c => (c > '\u007F' && char.IsDigit(c)) || c == ArabicDecimalSeparator))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c == ArabicDecimalSeparator ? '.'
                : c > '\u007F' && CharUnicodeInfo.GetDecimalDigitValue(c) is var value and >= 0 ? (char)('0' + value)
                : c);
        }

        return builder.ToString();
    }
}
