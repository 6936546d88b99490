using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CoordBot.BotApi.Internal;

/// <summary>The Bot API methods, each answering in Telegram's shapes and with Telegram's error texts.</summary>
internal sealed partial class EmulatorState
{
    private const string NotModified =
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

    public JsonNode GetMe()
    {
        var me = UserJson(Bot);
        me["can_join_groups"] = true;
        me["can_read_all_group_messages"] = false;
        me["supports_inline_queries"] = false;
        me["can_connect_to_business"] = false;
        me["has_main_web_app"] = false;
        return me;
    }

    public async Task<JsonNode> GetUpdatesAsync(ApiArguments args, CancellationToken aborted)
    {
        var offset = args.Long("offset") ?? 0;
        var limit = (int)Math.Clamp(args.Long("limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Max(0, args.Long("timeout") ?? 0));
        var mine = new CancellationTokenSource();
        CancellationTokenSource? previous;
        lock (gate)
        {
            if (webhookUrl.Length > 0)
            {
                throw new ApiException(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
            }

            previous = currentPoll;
            currentPoll = mine;
            Confirm(ref offset);
        }

        // Telegram allows one poller per token: a newer getUpdates ends the older one with 409.
        previous?.Cancel();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, mine.Token, shutdown.Token);
        var deadline = time.GetUtcNow() + timeout;
        try
        {
            while (true)
            {
                Task waiting;
                lock (gate)
                {
                    var batch = pendingUpdates.Where(u => UpdateId(u) >= offset).Take(limit).ToList();
                    if (batch.Count > 0 || time.GetUtcNow() >= deadline)
                    {
                        return new JsonArray([.. batch.Select(u => u.DeepClone())]);
                    }

                    // The timer starts inside the lock, so a test that sees the poll waiting and then advances a fake clock ends it.
                    waiting = updatesChanged.Task.WaitAsync(deadline - time.GetUtcNow(), time, linked.Token);
                    waitingPolls++;
                    Signal(ref pollWaiting);
                }

                try
                {
                    await waiting;
                }
                catch (TimeoutException)
                {
                    // Loop once more: the deadline check answers [] unless an update slipped in.
                }
                catch (OperationCanceledException) when (shutdown.IsCancellationRequested && !aborted.IsCancellationRequested)
                {
                    return new JsonArray();
                }
                catch (OperationCanceledException) when (mine.IsCancellationRequested && !aborted.IsCancellationRequested)
                {
                    throw new ApiException(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
                }
                finally
                {
                    lock (gate)
                    {
                        waitingPolls--;
                    }
                }
            }
        }
        finally
        {
            lock (gate)
            {
                if (currentPoll == mine)
                {
                    currentPoll = null;
                }
            }

            mine.Dispose();
        }
    }

    private void Confirm(ref long offset)
    {
        if (offset < 0)
        {
            // A negative offset keeps only the last -offset updates.
            var keep = (int)Math.Min(-offset, pendingUpdates.Count);
            pendingUpdates.RemoveRange(0, pendingUpdates.Count - keep);
            offset = 0;
        }
        else
        {
            var confirmed = offset;
            if (pendingUpdates.RemoveAll(u => UpdateId(u) < confirmed) > 0)
            {
                Changed();
            }
        }
    }

    private static long UpdateId(JsonObject update) => update["update_id"]!.GetValue<long>();

    public JsonNode SendMessage(ArgsAndChat call)
    {
        var args = call.Args;
        lock (gate)
        {
            var chat = Reachable(KnownChat(call.ChatId));
            var text = args.String("text");
            if (string.IsNullOrEmpty(text))
            {
                throw ApiException.BadRequest("message text is empty");
            }

            var parseMode = args.String("parse_mode");
            var (plain, entities) = Format(text, parseMode);
            if (plain.Trim().Length == 0)
            {
                throw ApiException.BadRequest("message text is empty");
            }

            if (plain.Length > 4096)
            {
                throw ApiException.BadRequest("message is too long");
            }

            var markup = ReadMarkup(args);
            var replyTo = ReplyTarget(args, chat);
            AcquireSendSlot(chat.Id);
            var message = new StoredMessage(chat.Id, chat.NextMessageId++, time.GetUtcNow())
            {
                ReplyToMessageId = replyTo,
                Text = text,
                PlainText = plain,
                ParseMode = NullIfEmpty(parseMode),
                Entities = entities,
                ReplyMarkup = markup,
            };
            return Deliver(chat, message);
        }
    }

    public JsonNode SendDocument(ArgsAndChat call)
    {
        var args = call.Args;
        lock (gate)
        {
            var chat = Reachable(KnownChat(call.ChatId));
            StoredFile file;
            if (args.File("document") is { } upload)
            {
                file = StoreFile(upload.FileName, upload.Content);
            }
            else if (args.String("document") is { Length: > 0 } reference)
            {
                // attach://name refers to another part of the same multipart request.
                if (reference.StartsWith("attach://", StringComparison.Ordinal) && args.File(reference["attach://".Length..]) is { } attached)
                {
                    file = StoreFile(attached.FileName, attached.Content);
                }
                else
                {
                    file = filesById.GetValueOrDefault(reference) ?? throw ApiException.BadRequest("wrong file identifier/HTTP URL specified");
                }
            }
            else
            {
                throw ApiException.BadRequest("there is no document in the request");
            }

            var caption = args.String("caption");
            var parseMode = args.String("parse_mode");
            string? plainCaption = null;
            JsonArray? captionEntities = null;
            if (!string.IsNullOrEmpty(caption))
            {
                (plainCaption, captionEntities) = Format(caption, parseMode);
                if (plainCaption.Length > 1024)
                {
                    throw ApiException.BadRequest("message caption is too long");
                }
            }

            var markup = ReadMarkup(args);
            var replyTo = ReplyTarget(args, chat);
            AcquireSendSlot(chat.Id);
            var message = new StoredMessage(chat.Id, chat.NextMessageId++, time.GetUtcNow())
            {
                ReplyToMessageId = replyTo,
                Document = file,
                Caption = NullIfEmpty(caption),
                PlainCaption = NullIfEmpty(plainCaption),
                CaptionEntities = captionEntities,
                ParseMode = NullIfEmpty(parseMode),
                ReplyMarkup = markup,
            };
            return Deliver(chat, message);
        }
    }

    /// <summary>Records a message the bot sent (under the gate), wakes waiters, and answers it as Telegram does.</summary>
    private JsonNode Deliver(StoredChat chat, StoredMessage message)
    {
        message.Seq = NextSeq();
        chat.BotMessages.Add(message);
        chat.Log.Add($"bot #{message.MessageId}: {Describe(message)}");
        Touch(chat);
        MessagesChanged();
        options.MessageSent?.Invoke(message.ToSentMessage());
        return MessageJson(message);
    }

    public JsonNode EditMessageText(ArgsAndChat call)
    {
        var args = call.Args;
        lock (gate)
        {
            var (chat, message) = MessageToEdit(call);
            var text = args.String("text");
            if (string.IsNullOrEmpty(text))
            {
                throw ApiException.BadRequest("message text is empty");
            }

            if (message.PlainText is null)
            {
                throw ApiException.BadRequest("there is no text in the message to edit");
            }

            var parseMode = args.String("parse_mode");
            var (plain, entities) = Format(text, parseMode);
            if (plain.Length > 4096)
            {
                throw ApiException.BadRequest("MESSAGE_TOO_LONG");
            }

            // Like Telegram: an edit without reply_markup removes the inline keyboard.
            var markup = ReadMarkup(args, inlineOnly: true);
            if (plain == message.PlainText
                && Same(entities, message.Entities)
                && Same(markup, message.ReplyMarkup))
            {
                throw ApiException.BadRequest(NotModified);
            }

            AcquireSendSlot(chat.Id);
            message.Text = text;
            message.PlainText = plain;
            message.ParseMode = NullIfEmpty(parseMode);
            message.Entities = entities;
            message.ReplyMarkup = markup;
            message.EditCount++;
            message.EditDate = time.GetUtcNow();
            chat.Log.Add($"bot edited #{message.MessageId}: {Describe(message)}");
            Touch(chat);
            MessagesChanged();
            options.MessageSent?.Invoke(message.ToSentMessage());
            return MessageJson(message);
        }
    }

    public JsonNode EditMessageReplyMarkup(ArgsAndChat call)
    {
        lock (gate)
        {
            var (chat, message) = MessageToEdit(call);
            var markup = ReadMarkup(call.Args, inlineOnly: true);
            if (Same(markup, message.ReplyMarkup))
            {
                throw ApiException.BadRequest(NotModified);
            }

            message.ReplyMarkup = markup;
            message.EditCount++;
            message.EditDate = time.GetUtcNow();
            chat.Log.Add($"bot changed the keyboard of #{message.MessageId}: {Describe(message)}");
            Touch(chat);
            MessagesChanged();
            options.MessageSent?.Invoke(message.ToSentMessage());
            return MessageJson(message);
        }
    }

    public JsonNode DeleteMessage(ArgsAndChat call)
    {
        lock (gate)
        {
            var chat = KnownChat(call.ChatId);
            var messageId = call.Args.RequiredLong("message_id");
            var message = chat.BotMessages.FirstOrDefault(m => m.MessageId == messageId && !m.Deleted)
                ?? throw ApiException.BadRequest("message to delete not found");
            message.Deleted = true;
            chat.Log.Add($"bot deleted #{messageId}");
            Touch(chat);
            MessagesChanged();
            return true;
        }
    }

    public JsonNode AnswerCallbackQuery(ApiArguments args)
    {
        var id = args.RequiredString("callback_query_id");
        lock (gate)
        {
            if (!callbackQueries.Remove(id, out var origin))
            {
                throw ApiException.BadRequest("query is too old and response timeout expired or query ID is invalid");
            }

            var text = args.String("text");
            if (text is { Length: > 200 })
            {
                throw ApiException.BadRequest("MESSAGE_TOO_LONG");
            }

            var answer = new CallbackAnswer(id, NullIfEmpty(text), args.Bool("show_alert"), args.String("url"));
            callbackAnswers.Add(answer);
            var chat = chats[origin.ChatId];
            chat.Log.Add($"bot answered the press on #{origin.MessageId}" + (answer.Text is null ? "" : $": {answer.Text}"));
            if (answer.Text is not null)
            {
                AddUserEvent(chat, UserEventKind.Answer, options.BotId, origin.MessageId, answer.Text);
            }

            MessagesChanged();
            return true;
        }
    }

    public JsonNode GetFile(ApiArguments args)
    {
        var id = args.RequiredString("file_id");
        lock (gate)
        {
            var file = filesById.GetValueOrDefault(id) ?? throw ApiException.BadRequest("invalid file_id");
            return new JsonObject
            {
                ["file_id"] = file.FileId,
                ["file_unique_id"] = file.FileUniqueId,
                ["file_size"] = file.Content.Length,
                ["file_path"] = file.FilePath,
            };
        }
    }

    public JsonNode SetMyCommands(ApiArguments args)
    {
        var list = args.Json("commands", "can't parse commands JSON object") as JsonArray
            ?? throw ApiException.BadRequest("can't parse commands JSON object");
        if (list.Count > 100)
        {
            throw ApiException.BadRequest("too many commands specified");
        }

        var parsed = new List<BotCommandInfo>();
        foreach (var item in list)
        {
            var command = item?["command"]?.GetValue<string>() ?? "";
            var description = item?["description"]?.GetValue<string>() ?? "";
            if (!CommandName().IsMatch(command))
            {
                throw ApiException.BadRequest("BOT_COMMAND_INVALID");
            }

            if (description.Trim().Length is 0 or > 256)
            {
                throw ApiException.BadRequest("BOT_COMMAND_DESCRIPTION_INVALID");
            }

            parsed.Add(new BotCommandInfo(command, description));
        }

        var key = CommandsKey(args);
        lock (gate)
        {
            commands[key] = parsed;
            Changed();
        }

        return true;
    }

    public JsonNode DeleteMyCommands(ApiArguments args)
    {
        var key = CommandsKey(args);
        lock (gate)
        {
            commands.Remove(key);
        }

        return true;
    }

    public JsonNode GetMyCommands(ApiArguments args)
    {
        var result = new JsonArray();
        foreach (var c in CommandsFor(CommandsKey(args)))
        {
            result.Add(new JsonObject { ["command"] = c.Command, ["description"] = c.Description });
        }

        return result;
    }

    /// <summary>The storage key of a command list: scope type, its chat and user, and the language.</summary>
    public static string CommandsKey(string scopeType, long? chatId, long? userId, string? languageCode) =>
        string.Create(CultureInfo.InvariantCulture, $"{scopeType}|{chatId}|{userId}|{languageCode}");

    private static string CommandsKey(ApiArguments args)
    {
        var scope = args.Json("scope", "can't parse BotCommandScope JSON object") as JsonObject;
        var type = scope?["type"]?.GetValue<string>() ?? "default";
        var chatId = scope?["chat_id"] is JsonValue c && c.TryGetValue<long>(out var cid) ? cid : (long?)null;
        var userId = scope?["user_id"] is JsonValue u && u.TryGetValue<long>(out var uid) ? uid : (long?)null;
        return CommandsKey(type, chatId, userId, NullIfEmpty(args.String("language_code")));
    }

    public JsonNode GetChatMember(ArgsAndChat call)
    {
        var userId = call.Args.RequiredLong("user_id");
        lock (gate)
        {
            var chat = KnownChat(call.ChatId);
            var user = userId == options.BotId ? Bot
                : users.GetValueOrDefault(userId) ?? throw ApiException.BadRequest("user not found");
            var status = chat.MemberStatus.GetValueOrDefault(userId, "member");
            var member = new JsonObject { ["status"] = status, ["user"] = UserJson(user) };
            switch (status)
            {
                case "creator":
                    member["is_anonymous"] = false;
                    break;
                case "administrator":
                    member["can_be_edited"] = false;
                    member["is_anonymous"] = false;
                    foreach (var right in new[] { "can_manage_chat", "can_delete_messages", "can_manage_video_chats", "can_restrict_members", "can_change_info", "can_invite_users", "can_pin_messages" })
                    {
                        member[right] = true;
                    }

                    foreach (var right in new[] { "can_promote_members", "can_post_stories", "can_edit_stories", "can_delete_stories", "can_manage_topics" })
                    {
                        member[right] = false;
                    }

                    break;
                case "restricted":
                    member["is_member"] = true;
                    foreach (var right in new[] { "can_send_messages", "can_send_audios", "can_send_documents", "can_send_photos", "can_send_videos", "can_send_video_notes", "can_send_voice_notes", "can_send_polls", "can_send_other_messages", "can_add_web_page_previews", "can_change_info", "can_invite_users", "can_pin_messages", "can_manage_topics" })
                    {
                        member[right] = false;
                    }

                    member["until_date"] = 0;
                    break;
                case "kicked":
                    member["until_date"] = 0;
                    break;
            }

            return member;
        }
    }

    public JsonNode GetChat(ArgsAndChat call)
    {
        lock (gate)
        {
            var info = ChatJson(KnownChat(call.ChatId));
            info["accent_color_id"] = 0;
            info["max_reaction_count"] = 11;
            info["accepted_gift_types"] = new JsonObject
            {
                ["unlimited_gifts"] = false,
                ["limited_gifts"] = false,
                ["unique_gifts"] = false,
                ["premium_subscription"] = false,
                ["gifts_from_channels"] = false,
            };
            return info;
        }
    }

    public JsonNode SetWebhook(ApiArguments args)
    {
        var url = args.String("url") ?? "";
        if (url.Length > 0 && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            throw ApiException.BadRequest("bad webhook: An HTTPS URL must be provided for webhook");
        }

        lock (gate)
        {
            webhookUrl = url;
            webhookAllowedUpdates = args.Json("allowed_updates", "can't parse allowed_updates");
            webhookMaxConnections = (int?)args.Long("max_connections");
            if (args.Bool("drop_pending_updates"))
            {
                pendingUpdates.Clear();
            }
        }

        return true;
    }

    public JsonNode DeleteWebhook(ApiArguments args)
    {
        lock (gate)
        {
            webhookUrl = "";
            webhookAllowedUpdates = null;
            webhookMaxConnections = null;
            if (args.Bool("drop_pending_updates"))
            {
                pendingUpdates.Clear();
            }
        }

        return true;
    }

    public JsonNode GetWebhookInfo()
    {
        lock (gate)
        {
            var info = new JsonObject
            {
                ["url"] = webhookUrl,
                ["has_custom_certificate"] = false,
                ["pending_update_count"] = pendingUpdates.Count,
            };
            if (webhookUrl.Length > 0 && webhookMaxConnections is { } max)
            {
                info["max_connections"] = max;
            }

            if (webhookUrl.Length > 0 && webhookAllowedUpdates is not null)
            {
                info["allowed_updates"] = webhookAllowedUpdates.DeepClone();
            }

            return info;
        }
    }

    // ---- shared rules --------------------------------------------------------------------

    private (StoredChat Chat, StoredMessage Message) MessageToEdit(ArgsAndChat call)
    {
        if (call.Args.Has("inline_message_id"))
        {
            throw ApiException.BadRequest("inline messages are not supported by the emulator");
        }

        var chat = KnownChat(call.ChatId);
        var messageId = call.Args.RequiredLong("message_id");
        var message = chat.BotMessages.FirstOrDefault(m => m.MessageId == messageId && !m.Deleted)
            ?? throw ApiException.BadRequest("message to edit not found");
        return (chat, message);
    }

    /// <summary>Telegram refuses a new message to a group that became a supergroup, one the bot left, or a user who blocked it.</summary>
    private static StoredChat Reachable(StoredChat chat)
    {
        if (chat.MigratedTo is { } supergroup)
        {
            throw new ApiException(400, "Bad Request: group chat was upgraded to a supergroup chat", migrateToChatId: supergroup);
        }

        if (chat.BotStatus is not null)
        {
            throw new ApiException(403, chat.BotStatus == "kicked" ? "Forbidden: bot was kicked from the group chat" : "Forbidden: bot is not a member of the group chat");
        }

        return chat.Blocked ? throw new ApiException(403, "Forbidden: bot was blocked by the user") : chat;
    }

    private void AcquireSendSlot(long chatId)
    {
        if (limits.TryAcquire(chatId, time.GetUtcNow()) is { } retryAfter)
        {
            tooManyRequestsSent++;
            throw new ApiException(429, $"Too Many Requests: retry after {retryAfter}", retryAfter);
        }

        sendsAccepted++;
    }

    private static (string Plain, JsonArray Entities) Format(string text, string? parseMode) => parseMode?.ToUpperInvariant() switch
    {
        null or "" => (text, []),
        "HTML" => TelegramHtml.Parse(text),
        // Markdown is not used by CoordBot; accept it verbatim rather than half-emulate it.
        "MARKDOWN" or "MARKDOWNV2" => (text, []),
        _ => throw ApiException.BadRequest($"unsupported parse_mode \"{parseMode}\""),
    };

    /// <summary>
    /// The message a send answers: reply_parameters.message_id (Bot API 7) or the older reply_to_message_id. As Telegram,
    /// a missing target is refused unless allow_sending_without_reply; a target in another chat is not emulated.
    /// </summary>
    private long? ReplyTarget(ApiArguments args, StoredChat chat)
    {
        long? id;
        var allowWithout = args.Bool("allow_sending_without_reply");
        if (args.Json("reply_parameters", "can't parse reply parameters JSON object") is { } parameters)
        {
            if (parameters is not JsonObject p || p["message_id"] is not JsonValue v || !v.TryGetValue<long>(out var n))
            {
                throw ApiException.BadRequest("can't parse reply parameters JSON object");
            }

            id = n;
            allowWithout |= p["allow_sending_without_reply"] is JsonValue a && a.TryGetValue<bool>(out var b) && b;
        }
        else
        {
            id = args.Long("reply_to_message_id");
        }

        if (id is not { } target)
        {
            return null;
        }

        if (RepliedMessageJson(chat, target) is null)
        {
            return allowWithout ? null : throw ApiException.BadRequest("message to be replied not found");
        }

        return target;
    }

    private static JsonObject? ReadMarkup(ApiArguments args, bool inlineOnly = false)
    {
        var node = args.Json("reply_markup", "can't parse reply keyboard markup JSON object");
        if (node is null)
        {
            return null;
        }

        if (node is not JsonObject markup)
        {
            throw ApiException.BadRequest("can't parse reply keyboard markup JSON object");
        }

        if (markup["inline_keyboard"] is not { } keyboard)
        {
            return inlineOnly ? throw ApiException.BadRequest("can't parse inline keyboard markup JSON object") : markup;
        }

        if (keyboard is not JsonArray rows || rows.Any(r => r is not JsonArray))
        {
            throw ApiException.BadRequest("can't parse inline keyboard markup JSON object");
        }

        foreach (var button in rows.Cast<JsonArray>().SelectMany(r => r))
        {
            if (button is not JsonObject b || b["text"] is not JsonValue text || !text.TryGetValue<string>(out var label))
            {
                throw ApiException.BadRequest("can't parse inline keyboard button: Text must be a string");
            }

            if (label.Length == 0)
            {
                throw ApiException.BadRequest("can't parse inline keyboard button: Text must be non-empty");
            }

            if (b["callback_data"] is { } data)
            {
                var value = data.GetValueKind() == System.Text.Json.JsonValueKind.String ? data.GetValue<string>() : "";
                if (Encoding.UTF8.GetByteCount(value) is 0 or > 64)
                {
                    throw ApiException.BadRequest("BUTTON_DATA_INVALID");
                }
            }
            else if (b["url"] is { } url && TelegramLinks.Problem(url.ToString()) is { } problem)
            {
                throw ApiException.BadRequest($"inline keyboard button URL '{url}' is invalid: {problem}");
            }
            else if (!b.Any(p => p.Key is "url" or "login_url" or "switch_inline_query" or "switch_inline_query_current_chat"
                or "switch_inline_query_chosen_chat" or "callback_game" or "pay" or "web_app" or "copy_text"))
            {
                throw ApiException.BadRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
            }
        }

        return markup;
    }

    private static bool Same(JsonNode? a, JsonNode? b) =>
        (a is null || a is JsonArray { Count: 0 }) && (b is null || b is JsonArray { Count: 0 }) || JsonNode.DeepEquals(a, b);

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandName();
}
