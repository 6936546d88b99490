using System.Globalization;

namespace CoordBot.Telegram.Routing;

/// <summary>Ids as users type them: <c>D12</c> or <c>12</c> (any case), for drafts, sessions, items, amendments.</summary>
public static class EntityIds
{
    public static bool TryParse(string? text, char prefix, out long id)
    {
        id = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // D٣ and D3 alike: digits in any script.
        var span = Domain.Input.NativeDigits.ToAscii(text).AsSpan().Trim();
        if (span.Length > 0 && char.ToUpperInvariant(span[0]) == char.ToUpperInvariant(prefix))
        {
            span = span[1..];
        }

        return long.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
    }

    public static string Format(char prefix, long id) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{id}");
}
