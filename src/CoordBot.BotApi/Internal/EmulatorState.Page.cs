using System.Globalization;
using System.Text.Json.Nodes;

namespace CoordBot.BotApi.Internal;

/// <summary>What the sandbox page reads: people, chats with their change versions, and each chat as a conversation.</summary>
internal sealed partial class EmulatorState
{
    public JsonArray PeopleJson()
    {
        lock (gate)
        {
            return new JsonArray([.. users.Values.OrderBy(u => u.Id).Select(u => (JsonNode)new JsonObject
            {
                ["user_id"] = u.Id,
                ["name"] = FullName(u),
                ["username"] = u.Username,
            })]);
        }
    }

    public JsonObject ChatListJson()
    {
        lock (gate)
        {
            return new JsonObject
            {
                ["version"] = changeVersion,
                ["narration"] = NarrationJson(),
                ["chats"] = new JsonArray([.. chats.Values.OrderBy(c => c.IsGroup).ThenBy(c => c.IsGroup ? -c.Id : c.Id).Select(c => (JsonNode)new JsonObject
                {
                    ["chat_id"] = c.Id,
                    ["type"] = c.IsGroup ? "supergroup" : "private",
                    ["title"] = c.IsGroup ? c.Title : users.TryGetValue(c.Id, out var u) ? FullName(u) : $"User{c.Id}",
                    ["version"] = c.Version,
                    ["message_count"] = c.BotMessages.Count + c.UserEvents.Count,
                })]),
            };
        }
    }

    /// <summary>The chat as its members see it: their messages and presses, the bot's messages (edits applied, deletions marked), in order.</summary>
    public JsonObject? TimelineJson(long chatId)
    {
        lock (gate)
        {
            if (!chats.TryGetValue(chatId, out var chat))
            {
                return null;
            }

            var items = chat.BotMessages.Select(m => (m.Seq, Json: BotItem(m)))
                .Concat(chat.UserEvents.Select(e => (e.Seq, Json: UserItem(chat, e))))
                .OrderBy(i => i.Seq)
                .Select(i => (JsonNode)i.Json);
            return new JsonObject
            {
                ["chat_id"] = chat.Id,
                ["type"] = chat.IsGroup ? "supergroup" : "private",
                ["version"] = chat.Version,
                ["items"] = new JsonArray([.. items]),
            };
        }
    }

    /// <summary>The document of a message in a chat (the bot's or a person's), for the page's download links.</summary>
    public StoredFile? DocumentIn(long chatId, long messageId)
    {
        lock (gate)
        {
            if (!chats.TryGetValue(chatId, out var chat))
            {
                return null;
            }

            return chat.BotMessages.FirstOrDefault(m => m.MessageId == messageId && !m.Deleted)?.Document
                ?? chat.UserEvents.FirstOrDefault(e => e.Kind == UserEventKind.Message && e.MessageId == messageId)?.Document;
        }
    }

    private JsonObject BotItem(StoredMessage m)
    {
        var item = new JsonObject
        {
            ["kind"] = "bot",
            ["seq"] = m.Seq,
            ["message_id"] = m.MessageId,
            ["date"] = Iso(m.Date),
            ["from"] = options.BotUsername,
            ["deleted"] = m.Deleted,
            ["edited"] = m.EditCount > 0,
            ["reply_to_message_id"] = m.ReplyToMessageId,
            ["force_reply"] = m.ReplyMarkup?["force_reply"] is not null,
        };
        if (m.Deleted)
        {
            return item;
        }

        item["text"] = m.PlainText ?? m.PlainCaption;
        item["entities"] = (m.PlainText is not null ? m.Entities : m.CaptionEntities)?.DeepClone() ?? new JsonArray();
        if (m.Document is { } document)
        {
            item["document"] = DocumentItem(m.ChatId, m.MessageId, document);
        }

        if (m.ReplyMarkup?["inline_keyboard"] is JsonArray rows)
        {
            item["keyboard"] = new JsonArray([.. rows.OfType<JsonArray>().Select(row => (JsonNode)new JsonArray([.. row.OfType<JsonObject>().Select(b => (JsonNode)new JsonObject
            {
                ["text"] = b["text"]?.ToString(),
                ["data"] = b["callback_data"]?.ToString(),
                ["url"] = b["url"]?.ToString(),
            })]))]);
        }

        return item;
    }

    private JsonObject UserItem(StoredChat chat, StoredUserEvent e)
    {
        var item = new JsonObject
        {
            ["kind"] = e.Kind switch
            {
                UserEventKind.Message => "user",
                UserEventKind.Press => "press",
                _ => "answer",
            },
            ["seq"] = e.Seq,
            ["message_id"] = e.MessageId,
            ["date"] = Iso(e.Date),
            ["from"] = e.FromUserId == options.BotId ? options.BotUsername : users.TryGetValue(e.FromUserId, out var u) ? FullName(u) : $"User{e.FromUserId}",
            ["from_id"] = e.FromUserId,
            ["text"] = e.Text,
            ["entities"] = new JsonArray(),
            ["reply_to_message_id"] = e.ReplyToMessageId,
        };
        if (e.Document is { } document && e.MessageId is { } messageId)
        {
            item["document"] = DocumentItem(chat.Id, messageId, document);
        }

        return item;
    }

    private static JsonObject DocumentItem(long chatId, long messageId, StoredFile document) => new()
    {
        ["name"] = document.FileName,
        ["size"] = document.Content.Length,
        ["url"] = string.Create(CultureInfo.InvariantCulture, $"/_emulator/chats/{chatId}/messages/{messageId}/document"),
    };

    private static string FullName(StoredUser user) => user.LastName is { Length: > 0 } last ? $"{user.FirstName} {last}" : user.FirstName;

    private static string Iso(DateTimeOffset date) => date.ToString("O", CultureInfo.InvariantCulture);
}
