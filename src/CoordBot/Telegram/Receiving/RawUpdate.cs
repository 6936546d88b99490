using System.Text.Json;
using System.Text.Unicode;

namespace CoordBot.Telegram.Receiving;

/// <summary>An update as JSON, before any interpretation, so one malformed update cannot block the others.</summary>
public sealed record RawUpdate(long UpdateId, long? ChatId, string Json)
{
    private static readonly string[] ChatBearing = ["message", "edited_message", "channel_post", "edited_channel_post", "my_chat_member", "chat_member", "chat_join_request"];

    /// <summary>Reads update_id and the chat it belongs to; null when there is no integer update_id. Never throws.</summary>
    public static RawUpdate? From(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && Integer(element, "update_id") is { } updateId
            ? new RawUpdate(updateId, ChatOf(element), element.GetRawText())
            : null;

    /// <summary>
    /// A body received over the webhook: null unless it is valid UTF-8 holding one JSON object with an integer
    /// update_id and only strings that are text (no unpaired surrogate escapes), so what is stored can be read back.
    /// </summary>
    public static RawUpdate? Parse(byte[] body)
    {
        if (!Utf8.IsValid(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return AllStringsAreText(document.RootElement) ? From(document.RootElement) : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string or a name that cannot be unescaped into text.
            return null;
        }
    }

    private static bool AllStringsAreText(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!IsText(property.Name) || !AllStringsAreText(property.Value))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Array:
                return element.EnumerateArray().All(AllStringsAreText);
            case JsonValueKind.String:
                return IsText(element.GetString()!);
            default:
                return true;
        }
    }

    private static bool IsText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static long? Integer(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;

    private static JsonElement? Object(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static long? ChatOf(JsonElement update)
    {
        foreach (var kind in ChatBearing)
        {
            if (Object(update, kind) is { } body && Object(body, "chat") is { } chat && Integer(chat, "id") is { } chatId)
            {
                return chatId;
            }
        }

        if (Object(update, "callback_query") is { } callback)
        {
            if (Object(callback, "message") is { } message && Object(message, "chat") is { } chat && Integer(chat, "id") is { } chatId)
            {
                return chatId;
            }

            if (Object(callback, "from") is { } from && Integer(from, "id") is { } fromId)
            {
                return fromId;
            }
        }

        return null;
    }
}
