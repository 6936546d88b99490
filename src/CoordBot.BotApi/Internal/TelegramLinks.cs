using System.Text.RegularExpressions;

namespace CoordBot.BotApi.Internal;

/// <summary>
/// Telegram's rule for the address of a link (an <c>&lt;a href&gt;</c>) or a URL button: http, https or tg; an
/// address without a scheme is taken as http and needs a dotted host. Anything else (<c>javascript:</c>,
/// <c>data:</c>, <c>file:</c>, <c>ftp:</c>) is refused, and the whole message with it, as Telegram does.
/// </summary>
internal static partial class TelegramLinks
{
    /// <summary>Why Telegram would refuse the address (its own words), or null when it is accepted.</summary>
    public static string? Problem(string url)
    {
        var trimmed = url.Trim();
        if (Scheme().Match(trimmed) is { Success: true } scheme)
        {
            var name = scheme.Groups[1].Value.ToLowerInvariant();
            if (name == "tg")
            {
                return TgLink().IsMatch(trimmed) ? null : "Wrong tg URL";
            }

            if (name is not ("http" or "https"))
            {
                return "Unsupported URL protocol";
            }

            return Uri.TryCreate(trimmed, UriKind.Absolute, out var http) && http.Host.Length > 0 ? null : "Wrong HTTP URL";
        }

        // No scheme: Telegram reads it as http://, which needs a host with a dot (example.org/x).
        return Uri.TryCreate("http://" + trimmed, UriKind.Absolute, out var bare) && bare.Host.Contains('.', StringComparison.Ordinal)
            ? null
            : "Wrong HTTP URL";
    }

    // A scheme is letters before a colon that is not a port (example.org:8080 has none).
    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.\-]*):(?!\d+(?:[/?#]|$))")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"^tg:(//)?[A-Za-z0-9_\-]+(\?.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex TgLink();
}
