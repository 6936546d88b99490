using System.Net;

namespace CoordBot.Telegram.Rendering;

/// <summary>Escaping for Telegram's HTML parse mode: every piece of user text goes through <see cref="Escape"/>.</summary>
public static class Html
{
    public static string Escape(string? text) => global::Telegram.Bot.Extensions.HtmlText.Escape(text ?? string.Empty);

    public static string Bold(string text) => $"<b>{Escape(text)}</b>";

    public static string Code(string text) => $"<code>{Escape(text)}</code>";

    /// <summary>Turns HTML back into the text a reader sees (for splitting and for tests).</summary>
    public static string Unescape(string html) => WebUtility.HtmlDecode(html);
}
