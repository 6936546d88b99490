using CoordBot.Telegram.Routing;

namespace CoordBot.Telegram.Rendering;

/// <summary>
/// An id the bot mentions (<c>D3</c>, <c>S2</c>, <c>A5</c>, <c>M4</c>) written as a link that opens it: a tap on a phone
/// sends <c>/start D3</c> in the private chat with the bot, which opens the object through the same gate as the typed
/// command (see <c>StartHandler</c>), so nobody has to copy an id from one message into another. The text of the link
/// is the id itself, so the message reads exactly as before and a copy still gives the id.
/// Use it wherever a reply names an object: <c>IdLinks.Link(identity.Username, 'D', draftId)</c> (inject
/// <see cref="BotIdentity"/>). Do not use it inside <c>&lt;code&gt;</c> (Telegram does not nest links there), nor for
/// ids inside a command line the reader is meant to copy.
/// </summary>
public static class IdLinks
{
    /// <summary>The kinds of object a <c>/start</c> deep link opens.</summary>
    public const string Kinds = "DSAM";

    /// <summary><c>&lt;a href="https://t.me/CoordBot?start=D3"&gt;D3&lt;/a&gt;</c>.</summary>
    public static string Link(string botUsername, char kind, long id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botUsername);
        if (!Kinds.Contains(kind, StringComparison.Ordinal))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only D, S, A and M ids open by a deep link.");
        }

        var label = EntityIds.Format(kind, id);
        return $"<a href=\"{Url(botUsername, label)}\">{label}</a>";
    }

    /// <summary><c>https://t.me/CoordBot?start=D3</c>: the address alone (for a URL button).</summary>
    public static string Url(string botUsername, string id) =>
        $"https://t.me/{Uri.EscapeDataString(botUsername)}?start={Uri.EscapeDataString(id)}";
}
