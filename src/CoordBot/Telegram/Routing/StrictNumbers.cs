using System.Globalization;

namespace CoordBot.Telegram.Routing;

/// <summary>
/// Numbers as people type them, and nothing else: digits with at most one decimal point. No sign, no
/// exponent, no thousands separators, no "NaN" or "Infinity" (which <see cref="double.TryParse(string?, out double)"/>
/// would take, and a NaN slips past every range check).
/// </summary>
public static class StrictNumbers
{
    /// <summary>Most decimals accepted: a tenth of a minute in hours is already finer than any deadline needs.</summary>
    public const int MaxDecimals = 2;

    /// <summary><c>12</c>, <c>1.5</c>, <c>0.25</c>: a plain decimal with at most <see cref="MaxDecimals"/> decimals.</summary>
    public static bool TryParseDecimal(string? text, out decimal value)
    {
        value = 0;
        text = Domain.Input.NativeDigits.ToAscii(text); // ١٫٥ is 1.5
        if (string.IsNullOrEmpty(text) || text.Length > 12)
        {
            return false;
        }

        var point = text.IndexOf('.');
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? string.Empty : text[(point + 1)..];
        if (whole.Length == 0 || !whole.All(char.IsAsciiDigit) || (point >= 0 && (fraction.Length is 0 or > MaxDecimals || !fraction.All(char.IsAsciiDigit))))
        {
            return false;
        }

        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Hours within <c>(0, <paramref name="max"/>]</c> and at least <paramref name="min"/>, written <c>24</c>
    /// or <c>1.5</c>, with an optional trailing <c>h</c> when <paramref name="allowSuffix"/>. Refuses
    /// <c>NaNh</c>, <c>1e-9h</c>, <c>0h</c>, <c>-3h</c> and anything above the maximum.
    /// </summary>
    public static bool TryParseHours(string? text, decimal min, decimal max, out TimeSpan hours, bool allowSuffix = true)
    {
        hours = TimeSpan.Zero;
        if (text is null)
        {
            return false;
        }

        if (allowSuffix && (text.EndsWith('h') || text.EndsWith('H')))
        {
            text = text[..^1];
        }

        if (!TryParseDecimal(text, out var value) || value <= 0 || value < min || value > max)
        {
            return false;
        }

        hours = TimeSpan.FromMinutes((double)(value * 60));
        return true;
    }
}
