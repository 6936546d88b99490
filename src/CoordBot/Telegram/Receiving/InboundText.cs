using System.Text;
using Telegram.Bot.Types;

namespace CoordBot.Telegram.Receiving;

/// <summary>
/// Text from outside is cleaned where it enters, before any handler, store or hash sees it: control
/// characters other than tab and line breaks are removed (SQLite cut a text at U+0000, so a draft's
/// shown hash described more than was stored, and a name with a NUL cut every reply that named it),
/// and a lone UTF-16 surrogate, which has no UTF-8 form, becomes U+FFFD as it would once stored.
/// </summary>
public static class InboundText
{
    /// <summary>The text without control characters (tab, line feed and carriage return are kept).</summary>
    public static string Clean(string text)
    {
        var first = FirstToChange(text);
        if (first < 0)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        clean.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                clean.Append('\uFFFD');
            }
            else if (!IsRefused(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    /// <summary><see cref="Clean(string)"/> for optional text.</summary>
    public static string? CleanOrNull(string? text) => text is null ? null : Clean(text);

    /// <summary>
    /// Cleans, in place, every piece of an update that the bot reads, stores or repeats: the message's text,
    /// caption and document name, the button data, and the names of the sender and the chat. A sender
    /// whose name is nothing once cleaned is called by their id, so no reply names an empty string.
    /// </summary>
    public static void CleanUpdate(Update update)
    {
        if (update.Message is { } message)
        {
            message.Text = CleanOrNull(message.Text);
            message.Caption = CleanOrNull(message.Caption);
            if (message.Document is { } document)
            {
                document.FileName = CleanOrNull(document.FileName);
            }

            CleanUser(message.From);
            CleanChat(message.Chat);
        }

        if (update.CallbackQuery is { } query)
        {
            query.Data = CleanOrNull(query.Data);
            CleanUser(query.From);
            if (query.Message is { } source)
            {
                CleanChat(source.Chat);
            }
        }
    }

    private static void CleanUser(User? user)
    {
        if (user is null)
        {
            return;
        }

        user.FirstName = Clean(user.FirstName ?? string.Empty).Trim();
        user.LastName = CleanOrNull(user.LastName)?.Trim();
        user.Username = CleanOrNull(user.Username);
        if (user.FirstName.Length == 0)
        {
            user.FirstName = string.IsNullOrWhiteSpace(user.LastName) ? $"User {user.Id}" : user.LastName;
            user.LastName = null;
        }
    }

    private static void CleanChat(Chat? chat)
    {
        if (chat is null)
        {
            return;
        }

        chat.Title = CleanOrNull(chat.Title);
        chat.FirstName = CleanOrNull(chat.FirstName);
        chat.LastName = CleanOrNull(chat.LastName);
        chat.Username = CleanOrNull(chat.Username);
    }

    private static int FirstToChange(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || IsRefused(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>C0 controls but tab and line breaks, DEL and the C1 controls: nothing a person types means them.</summary>
    private static bool IsRefused(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r');
}
