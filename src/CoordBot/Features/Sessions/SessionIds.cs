using System.Globalization;

namespace CoordBot.Features.Sessions;

/// <summary>Ids as people write them: <c>S12</c> or <c>12</c> for sessions, <c>A7</c> or <c>7</c> for agenda items.</summary>
public static class SessionIds
{
    public static string Label(long id) => "S" + id.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out long id) => TryParse(text, 'S', out id);

    /// <summary>Accepts the prefix in either case, or none; the number must be positive.</summary>
    public static bool TryParse(string? text, char prefix, out long id)
    {
        id = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var digits = text.Trim();
        if (char.ToUpperInvariant(digits[0]) == prefix)
        {
            digits = digits[1..];
        }

        return digits.Length is > 0 and <= 18
            && digits.All(char.IsAsciiDigit)
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out id)
            && id > 0;
    }
}
