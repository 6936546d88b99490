using System.Text.Json;

namespace CoordBot.Telegram.Receiving;

/// <summary>An update as JSON, before any interpretation, so one malformed update cannot block the others.</summary>
public sealed record RawUpdate(long UpdateId, long? ChatId, string Json)
{
    /// <summary>Reads update_id and the chat it belongs to; null when there is no update_id at all.</summary>
    public static RawUpdate? From(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("update_id", out var idElement)
            || !idElement.TryGetInt64(out var updateId))
        {
            return null;
        }

        return new RawUpdate(updateId, ChatOf(element), element.GetRawText());
    }

    private static long? ChatOf(JsonElement update)
    {
        foreach (var kind in (string[])["message", "edited_message", "channel_post", "edited_channel_post", "my_chat_member", "chat_member", "chat_join_request"])
        {
            if (update.TryGetProperty(kind, out var body) && body.ValueKind == JsonValueKind.Object
                && body.TryGetProperty("chat", out var chat) && chat.ValueKind == JsonValueKind.Object
                && chat.TryGetProperty("id", out var id) && id.TryGetInt64(out var chatId))
            {
                return chatId;
            }
        }

        if (update.TryGetProperty("callback_query", out var callback) && callback.ValueKind == JsonValueKind.Object)
        {
            if (callback.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object
                && message.TryGetProperty("chat", out var chat) && chat.TryGetProperty("id", out var id) && id.TryGetInt64(out var chatId))
            {
                return chatId;
            }

            if (callback.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.Object
                && from.TryGetProperty("id", out var userId) && userId.TryGetInt64(out var fromId))
            {
                return fromId;
            }
        }

        return null;
    }
}
