using System.Text.Json.Nodes;

namespace CoordBot.BotApi.Internal;

/// <summary>The "/" menu a person sees in a chat: the command lists set with setMyCommands, resolved as Telegram does.</summary>
internal sealed partial class EmulatorState
{
    /// <summary>
    /// Telegram's order ("Determining list of commands" in the Bot API): the first scope, most specific first, that
    /// has a non-empty list wins; at each scope the list for the person's language comes before the one without.
    /// Private chats: chat, all private chats, default. Groups: chat member, chat administrators (administrators
    /// only), chat, all chat administrators (administrators only), all group chats, default.
    /// </summary>
    public static IEnumerable<(string Type, long? ChatId, long? UserId)> MenuScopes(long chatId, long userId, bool isGroup, bool isAdministrator)
    {
        if (!isGroup)
        {
            yield return ("chat", chatId, null);
            yield return ("all_private_chats", null, null);
            yield return ("default", null, null);
            yield break;
        }

        yield return ("chat_member", chatId, userId);
        if (isAdministrator)
        {
            yield return ("chat_administrators", chatId, null);
        }

        yield return ("chat", chatId, null);
        if (isAdministrator)
        {
            yield return ("all_chat_administrators", null, null);
        }

        yield return ("all_group_chats", null, null);
        yield return ("default", null, null);
    }

    /// <summary>The menu of <paramref name="userId"/> in the chat, with the scope it came from; null for an unknown chat.</summary>
    public JsonObject? MenuJson(long chatId, long userId, string? languageCode)
    {
        lock (gate)
        {
            if (!chats.TryGetValue(chatId, out var chat))
            {
                return null;
            }

            var status = chat.MemberStatus.GetValueOrDefault(userId, "member");
            var administrator = status is "creator" or "administrator";
            foreach (var (type, scopeChat, scopeUser) in MenuScopes(chatId, userId, chat.IsGroup, administrator))
            {
                foreach (var language in string.IsNullOrEmpty(languageCode) ? [null] : new[] { languageCode, null })
                {
                    if (commands.TryGetValue(CommandsKey(type, scopeChat, scopeUser, language), out var list) && list.Count > 0)
                    {
                        return new JsonObject
                        {
                            ["scope"] = type,
                            ["language_code"] = language,
                            ["commands"] = new JsonArray([.. list.Select(c => (JsonNode)new JsonObject { ["command"] = c.Command, ["description"] = c.Description })]),
                        };
                    }
                }
            }

            return new JsonObject { ["scope"] = null, ["language_code"] = null, ["commands"] = new JsonArray() };
        }
    }
}
