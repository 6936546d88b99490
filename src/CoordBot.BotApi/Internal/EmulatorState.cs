using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CoordBot.BotApi.Internal;

/// <summary>
/// Everything the emulator knows: users, chats, the bot's messages, queued updates, files.
/// One lock guards it all; the traffic of a test or a sandbox is far too small for contention to matter.
/// </summary>
internal sealed partial class EmulatorState(BotApiEmulatorOptions options)
{
    private readonly Lock gate = new();
    private readonly TimeProvider time = options.TimeProvider;
    private readonly RateLimits limits = new(options);
    private readonly Dictionary<long, StoredUser> users = [];
    private readonly Dictionary<long, StoredChat> chats = [];
    private readonly List<JsonObject> pendingUpdates = [];
    private readonly Dictionary<string, StoredFile> filesById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredFile> filesByPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long ChatId, long MessageId)> callbackQueries = new(StringComparer.Ordinal);
    private readonly List<CallbackAnswer> callbackAnswers = [];
    private readonly Dictionary<long, string> queryOfUpdate = [];
    private readonly Dictionary<string, List<BotCommandInfo>> commands = new(StringComparer.Ordinal);
    private readonly List<FaultSlot> faults = [];
    private readonly Dictionary<string, int> requestsPerMethod = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource shutdown = new();
    private long nextUpdateId = options.FirstUpdateId ?? FirstUpdateIdFromClock(options.TimeProvider);
    private long nextFileNumber = 1;
    private long nextCallbackNumber = 1;
    private int tooManyRequestsSent;
    private int sendsAccepted;
    private int faultsInjected;
    private TaskCompletionSource updatesChanged = NewSignal();
    private TaskCompletionSource messagesChanged = NewSignal();
    private TaskCompletionSource stateChanged = NewSignal();
    private long changeVersion;
    private CancellationTokenSource? currentPoll;
    private TaskCompletionSource pollWaiting = NewSignal();
    private int waitingPolls;
    private string webhookUrl = "";
    private JsonNode? webhookAllowedUpdates;
    private int? webhookMaxConnections;

    public BotApiEmulatorOptions Options => options;

    private StoredUser Bot => new(options.BotId, options.BotUsername, options.BotUsername, null, IsBot: true);

    // ---- user side -------------------------------------------------------------------------

    public long RegisterUser(long userId, string firstName, string? username, string? lastName)
    {
        if (userId <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(userId), "User ids are positive; negative ids are groups.");
        }

        lock (gate)
        {
            users[userId] = new StoredUser(userId, firstName, username, lastName, LanguageCode: users.GetValueOrDefault(userId)?.LanguageCode);
            Touch(EnsureChat(userId, null));
            return userId;
        }
    }

    public void SetLanguageCode(long userId, string? languageCode)
    {
        lock (gate)
        {
            var user = users.GetValueOrDefault(userId) ?? new StoredUser(userId, $"User{userId}", null, null);
            users[userId] = user with { LanguageCode = languageCode };
        }
    }

    public void RegisterGroup(long chatId, string title)
    {
        if (chatId >= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(chatId), "Group chat ids are negative.");
        }

        lock (gate)
        {
            var chat = EnsureChat(chatId, title);
            chat.Title = title;
            Touch(chat);
        }
    }

    public void SetChatMemberStatus(long chatId, long userId, string status)
    {
        if (status is not ("creator" or "administrator" or "member" or "restricted" or "left" or "kicked"))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Telegram statuses: creator, administrator, member, restricted, left, kicked.");
        }

        lock (gate)
        {
            EnsureChat(chatId, null).MemberStatus[userId] = status;
            Changed();
        }
    }

    public long SendText(long chatId, long fromUserId, string text, long? replyToMessageId)
    {
        lock (gate)
        {
            var (chat, user) = Participants(chatId, fromUserId);
            JsonObject? repliedTo = null;
            if (replyToMessageId is { } target)
            {
                repliedTo = RepliedMessageJson(chat, target)
                    ?? throw new InvalidOperationException($"Chat {chatId} has no message {target} to reply to.\n{ThreadLog(chat)}");
            }

            var message = UserMessage(chat, user);
            message["text"] = text;
            if (CommandEntities(text) is { } entities)
            {
                message["entities"] = entities;
            }

            if (repliedTo is not null)
            {
                message["reply_to_message"] = repliedTo;
            }

            chat.Log.Add(replyToMessageId is { } to ? $"{Name(user)} (reply to #{to}): {text}" : $"{Name(user)}: {text}");
            AddUserEvent(chat, UserEventKind.Message, user.Id, message["message_id"]!.GetValue<long>(), text, replyToMessageId: replyToMessageId);
            return Enqueue("message", message);
        }
    }

    /// <summary>The message a reply points at, as Telegram nests it (without its own reply): the bot's or a person's, or null.</summary>
    private JsonObject? RepliedMessageJson(StoredChat chat, long messageId)
    {
        if (chat.BotMessages.FirstOrDefault(m => m.MessageId == messageId && !m.Deleted) is { } bot)
        {
            var json = MessageJson(bot);
            json.Remove("reply_to_message");
            return json;
        }

        if (chat.UserEvents.FirstOrDefault(e => e.Kind == UserEventKind.Message && e.MessageId == messageId) is not { } said)
        {
            return null;
        }

        var user = users.GetValueOrDefault(said.FromUserId) ?? new StoredUser(said.FromUserId, $"User{said.FromUserId}", null, null);
        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = UserJson(user),
            ["chat"] = ChatJson(chat),
            ["date"] = said.Date.ToUnixTimeSeconds(),
        };
        if (said.Document is { } document)
        {
            message["document"] = DocumentJson(document);
            if (said.Text is not null)
            {
                message["caption"] = said.Text;
            }
        }
        else if (said.Text is not null)
        {
            message["text"] = said.Text;
        }

        return message;
    }

    public long SendDocument(long chatId, long fromUserId, string fileName, byte[] content, string? caption)
    {
        lock (gate)
        {
            var (chat, user) = Participants(chatId, fromUserId);
            var file = StoreFile(fileName, content);
            var message = UserMessage(chat, user);
            message["document"] = DocumentJson(file);
            if (caption is not null)
            {
                message["caption"] = caption;
                if (CommandEntities(caption) is { } entities)
                {
                    message["caption_entities"] = entities;
                }
            }

            chat.Log.Add($"{Name(user)}: [document {fileName}, {content.Length} bytes] {caption}");
            AddUserEvent(chat, UserEventKind.Message, user.Id, message["message_id"]!.GetValue<long>(), caption, file);
            return Enqueue("message", message);
        }
    }

    public long PressButton(long chatId, long fromUserId, long messageId, string data)
    {
        lock (gate)
        {
            var (chat, user) = Participants(chatId, fromUserId);
            var message = chat.BotMessages.FirstOrDefault(m => m.MessageId == messageId && !m.Deleted)
                ?? throw new InvalidOperationException($"The bot has no message {messageId} in chat {chatId}.\n{ThreadLog(chat)}");
            var buttons = BotApiEmulator.ButtonsOf(message.ToSentMessage());
            if (!buttons.Any(b => b.CallbackData == data))
            {
                throw new InvalidOperationException(
                    $"Message {messageId} in chat {chatId} has no button with callback_data '{data}'; it has: "
                    + string.Join(", ", buttons.Select(b => $"'{b.Text}' -> '{b.CallbackData}'")));
            }

            var id = (options.BotId * 1_000_000 + nextCallbackNumber++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            callbackQueries[id] = (chatId, messageId);
            var query = new JsonObject
            {
                ["id"] = id,
                ["from"] = UserJson(user),
                ["message"] = MessageJson(message),
                ["chat_instance"] = ((chatId * 7919) ^ options.BotId).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["data"] = data,
            };
            var label = buttons.First(b => b.CallbackData == data).Text;
            chat.Log.Add($"{Name(user)} pressed '{label}' on #{messageId}");
            AddUserEvent(chat, UserEventKind.Press, user.Id, messageId, label);
            var updateId = Enqueue("callback_query", query);
            queryOfUpdate[updateId] = id;
            return updateId;
        }
    }

    public long PostRawUpdate(string updateJsonWithoutId)
    {
        var parsed = JsonNode.Parse(updateJsonWithoutId) as JsonObject
            ?? throw new ArgumentException("An update is a JSON object.", nameof(updateJsonWithoutId));
        lock (gate)
        {
            // A raw update may introduce a chat the bot will answer to, as a real one would.
            foreach (var (_, value) in parsed)
            {
                if (value is JsonObject { } inner
                    && (inner["chat"] ?? (inner["message"] as JsonObject)?["chat"]) is JsonObject { } chat
                    && chat["id"] is JsonValue id && id.TryGetValue<long>(out var chatId))
                {
                    EnsureChat(chatId, chat["title"]?.ToString());
                }
            }

            var update = new JsonObject { ["update_id"] = nextUpdateId };
            foreach (var (key, value) in parsed.ToList())
            {
                update[key] = value?.DeepClone();
            }

            return EnqueueReady(update);
        }
    }

    // ---- inspection ----------------------------------------------------------------------

    public IReadOnlyList<SentMessage> MessagesIn(long chatId)
    {
        lock (gate)
        {
            return chats.TryGetValue(chatId, out var chat) ? [.. chat.BotMessages.Select(m => m.ToSentMessage())] : [];
        }
    }

    public IReadOnlyList<SentMessage> AllMessages()
    {
        lock (gate)
        {
            return [.. chats.Values.SelectMany(c => c.BotMessages).OrderBy(m => m.Date).Select(m => m.ToSentMessage())];
        }
    }

    public async Task<SentMessage> WaitForMessageAsync(long chatId, Func<SentMessage, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // The timeout is a safety net for tests, so it runs on real time even when the emulator's clock is fake.
        using var deadline = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        while (true)
        {
            Task changed;
            IReadOnlyList<SentMessage> current;
            lock (gate)
            {
                changed = messagesChanged.Task;
                current = chats.TryGetValue(chatId, out var chat) ? [.. chat.BotMessages.Select(m => m.ToSentMessage())] : [];
            }

            if (current.FirstOrDefault(predicate) is { } found)
            {
                return found;
            }

            try
            {
                await changed.WaitAsync(linked.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"No matching message in chat {chatId} within {timeout.TotalSeconds:0.#} s. The chat so far:\n{MessageThreadLog(chatId)}");
            }
        }
    }

    public async Task<CallbackAnswer> WaitForCallbackAnswerAsync(long pressUpdateId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        while (true)
        {
            Task changed;
            CallbackAnswer? found;
            long chatId;
            lock (gate)
            {
                if (!queryOfUpdate.TryGetValue(pressUpdateId, out var queryId))
                {
                    throw new InvalidOperationException($"Update {pressUpdateId} is not a button press of this emulator.");
                }

                changed = messagesChanged.Task;
                found = callbackAnswers.FirstOrDefault(a => a.CallbackQueryId == queryId);
                chatId = callbackQueries.TryGetValue(queryId, out var origin) ? origin.ChatId : 0;
            }

            if (found is not null)
            {
                return found;
            }

            try
            {
                await changed.WaitAsync(linked.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"The press of update {pressUpdateId} was not answered within {timeout.TotalSeconds:0.#} s. The chat so far:\n{MessageThreadLog(chatId)}");
            }
        }
    }

    public async Task WaitForWaitingPollAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task next;
        lock (gate)
        {
            if (waitingPolls > 0)
            {
                return;
            }

            next = pollWaiting.Task;
        }

        try
        {
            await next.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No getUpdates call was waiting for updates within {timeout.TotalSeconds:0.#} s.");
        }
    }

    public string MessageThreadLog(long chatId)
    {
        lock (gate)
        {
            return chats.TryGetValue(chatId, out var chat) ? ThreadLog(chat) : $"(chat {chatId} is unknown)";
        }
    }

    public IReadOnlyList<(long ChatId, string Type, string? Title, int MessageCount)> Chats()
    {
        lock (gate)
        {
            return [.. chats.Values.OrderBy(c => c.Id).Select(c => (c.Id, c.IsGroup ? "supergroup" : "private", c.IsGroup ? c.Title : users.GetValueOrDefault(c.Id)?.FirstName, c.BotMessages.Count))];
        }
    }

    public IReadOnlyList<CallbackAnswer> CallbackAnswers
    {
        get
        {
            lock (gate)
            {
                return [.. callbackAnswers];
            }
        }
    }

    public IReadOnlyList<BotCommandInfo> CommandsFor(string scopeKey)
    {
        lock (gate)
        {
            return commands.TryGetValue(scopeKey, out var list) ? [.. list] : [];
        }
    }

    public EmulatorStats Stats
    {
        get
        {
            lock (gate)
            {
                return new EmulatorStats(new Dictionary<string, int>(requestsPerMethod), tooManyRequestsSent, sendsAccepted, faultsInjected);
            }
        }
    }

    public int PendingUpdateCount
    {
        get
        {
            lock (gate)
            {
                return pendingUpdates.Count;
            }
        }
    }

    // ---- faults and bookkeeping ----------------------------------------------------------

    public void InjectFault(EmulatorFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fault.Count);
        lock (gate)
        {
            faults.Add(new FaultSlot(fault, fault.Count));
        }
    }

    public EmulatorFault? TakeFault(string method, long? chatId)
    {
        lock (gate)
        {
            var slot = faults.FirstOrDefault(f =>
                (f.Fault.Method is null || string.Equals(f.Fault.Method, method, StringComparison.OrdinalIgnoreCase))
                && (f.Fault.ChatId is null || f.Fault.ChatId == chatId));
            if (slot is null)
            {
                return null;
            }

            if (--slot.Remaining == 0)
            {
                faults.Remove(slot);
            }

            faultsInjected++;
            if (slot.Fault.Kind == FaultKind.TooManyRequests)
            {
                tooManyRequestsSent++;
            }

            return slot.Fault;
        }
    }

    public void CountRequest(string method)
    {
        lock (gate)
        {
            requestsPerMethod[method] = requestsPerMethod.GetValueOrDefault(method) + 1;
        }
    }

    public byte[]? FileContent(string filePath)
    {
        lock (gate)
        {
            return filesByPath.TryGetValue(filePath, out var file) ? file.Content : null;
        }
    }

    public void Shutdown() => shutdown.Cancel();

    // ---- helpers (callers hold the lock) -------------------------------------------------

    // Telegram.Bot reads update_id as Int32, so the clock-derived start (4 ids per second since late 2023) stays below 2^31 until about 2040.
    private static long FirstUpdateIdFromClock(TimeProvider time) =>
        Math.Clamp((time.GetUtcNow().ToUnixTimeSeconds() - 1_700_000_000) * 4, 0, int.MaxValue / 2) + 1;

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static void Signal(ref TaskCompletionSource signal)
    {
        var old = signal;
        signal = NewSignal();
        old.TrySetResult();
    }

    private void MessagesChanged() => Signal(ref messagesChanged);

    /// <summary>Something worth saving or showing changed (callers hold the lock).</summary>
    private void Changed()
    {
        changeVersion++;
        Signal(ref stateChanged);
    }

    /// <summary>A chat changed: its version moves so the page refetches it.</summary>
    private void Touch(StoredChat chat)
    {
        Changed();
        chat.Version = changeVersion;
    }

    private long NextSeq() => ++changeVersion;

    private void AddUserEvent(StoredChat chat, UserEventKind kind, long fromUserId, long? messageId, string? text, StoredFile? document = null, long? replyToMessageId = null)
    {
        chat.UserEvents.Add(new StoredUserEvent(NextSeq(), kind, fromUserId, time.GetUtcNow(), messageId, text, document, replyToMessageId));
        Touch(chat);
    }

    private StoredChat EnsureChat(long chatId, string? title)
    {
        if (!chats.TryGetValue(chatId, out var chat))
        {
            chat = new StoredChat(chatId, title ?? (chatId < 0 ? $"Group {chatId}" : null));
            chats[chatId] = chat;
        }

        return chat;
    }

    private StoredChat KnownChat(long chatId) =>
        chats.TryGetValue(chatId, out var chat) ? chat : throw ApiException.ChatNotFound();

    private (StoredChat Chat, StoredUser User) Participants(long chatId, long fromUserId)
    {
        if (chatId > 0 && chatId != fromUserId)
        {
            throw new ArgumentException($"In a private chat the chat id is the user's id ({fromUserId}), not {chatId}.", nameof(chatId));
        }

        if (!users.TryGetValue(fromUserId, out var user))
        {
            user = new StoredUser(fromUserId, $"User{fromUserId}", null, null);
            users[fromUserId] = user;
        }

        EnsureChat(fromUserId, null);
        return (EnsureChat(chatId, null), user);
    }

    private JsonObject UserMessage(StoredChat chat, StoredUser user) => new()
    {
        ["message_id"] = chat.NextMessageId++,
        ["from"] = UserJson(user),
        ["chat"] = ChatJson(chat),
        ["date"] = time.GetUtcNow().ToUnixTimeSeconds(),
    };

    private long Enqueue(string kind, JsonObject payload) =>
        EnqueueReady(new JsonObject { ["update_id"] = nextUpdateId, [kind] = payload });

    private long EnqueueReady(JsonObject update)
    {
        var id = nextUpdateId++;
        pendingUpdates.Add(update);
        Signal(ref updatesChanged);
        Changed();
        return id;
    }

    private StoredFile StoreFile(string fileName, byte[] content)
    {
        var n = nextFileNumber++;
        var extension = Path.GetExtension(fileName);
        var file = new StoredFile(
            $"BQACAgIAAxkBAAI{n:D8}", $"AgAD{n:D6}", fileName, MimeTypeOf(extension), content, $"documents/file_{n}{extension}");
        filesById[file.FileId] = file;
        filesByPath[file.FilePath] = file;
        return file;
    }

    private static string MimeTypeOf(string extension) => extension.ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".txt" => "text/plain",
        ".md" => "text/markdown",
        ".csv" => "text/csv",
        ".ics" => "text/calendar",
        ".json" => "application/json",
        ".html" or ".htm" => "text/html",
        ".zip" => "application/zip",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        _ => "application/octet-stream",
    };

    private static JsonArray? CommandEntities(string text)
    {
        var match = LeadingCommand().Match(text);
        return match.Success
            ? [new JsonObject { ["offset"] = 0, ["length"] = match.Length, ["type"] = "bot_command" }]
            : null;
    }

    private static JsonObject UserJson(StoredUser user)
    {
        var json = new JsonObject { ["id"] = user.Id, ["is_bot"] = user.IsBot, ["first_name"] = user.FirstName };
        if (user.LastName is not null)
        {
            json["last_name"] = user.LastName;
        }

        if (user.Username is not null)
        {
            json["username"] = user.Username;
        }

        if (user.LanguageCode is not null)
        {
            json["language_code"] = user.LanguageCode;
        }

        return json;
    }

    private JsonObject ChatJson(StoredChat chat)
    {
        if (chat.IsGroup)
        {
            return new JsonObject { ["id"] = chat.Id, ["title"] = chat.Title, ["type"] = "supergroup" };
        }

        var user = users.GetValueOrDefault(chat.Id) ?? new StoredUser(chat.Id, $"User{chat.Id}", null, null);
        var json = new JsonObject { ["id"] = chat.Id, ["first_name"] = user.FirstName };
        if (user.LastName is not null)
        {
            json["last_name"] = user.LastName;
        }

        if (user.Username is not null)
        {
            json["username"] = user.Username;
        }

        json["type"] = "private";
        return json;
    }

    private static JsonObject DocumentJson(StoredFile file) => new()
    {
        ["file_name"] = file.FileName,
        ["mime_type"] = file.MimeType,
        ["file_id"] = file.FileId,
        ["file_unique_id"] = file.FileUniqueId,
        ["file_size"] = file.Content.Length,
    };

    private JsonObject MessageJson(StoredMessage m)
    {
        var json = new JsonObject
        {
            ["message_id"] = m.MessageId,
            ["from"] = UserJson(Bot),
            ["chat"] = ChatJson(chats[m.ChatId]),
            ["date"] = m.Date.ToUnixTimeSeconds(),
        };
        if (m.EditDate is { } edited)
        {
            json["edit_date"] = edited.ToUnixTimeSeconds();
        }

        if (m.Document is { } document)
        {
            json["document"] = DocumentJson(document);
        }

        if (m.PlainText is not null)
        {
            json["text"] = m.PlainText;
            if (m.Entities is { Count: > 0 })
            {
                json["entities"] = m.Entities.DeepClone();
            }
        }

        if (m.PlainCaption is not null)
        {
            json["caption"] = m.PlainCaption;
            if (m.CaptionEntities is { Count: > 0 })
            {
                json["caption_entities"] = m.CaptionEntities.DeepClone();
            }
        }

        if (m.ReplyToMessageId is { } repliedId && RepliedMessageJson(chats[m.ChatId], repliedId) is { } replied)
        {
            json["reply_to_message"] = replied;
        }

        // Telegram echoes only inline keyboards; reply keyboards live on the client.
        if (m.ReplyMarkup?["inline_keyboard"] is not null)
        {
            json["reply_markup"] = m.ReplyMarkup.DeepClone();
        }

        return json;
    }

    private string ThreadLog(StoredChat chat)
    {
        var sb = new StringBuilder();
        sb.Append(chat.IsGroup ? $"Chat {chat.Id} \"{chat.Title}\"" : $"Private chat {chat.Id}").Append(':').AppendLine();
        if (chat.Log.Count == 0)
        {
            sb.AppendLine("  (nothing yet)");
        }

        foreach (var line in chat.Log)
        {
            sb.Append("  ").AppendLine(line);
        }

        return sb.ToString();
    }

    private static string Name(StoredUser user) => user.Username is { } u ? $"@{u}" : $"{user.FirstName} ({user.Id})";

    private static string Describe(StoredMessage m)
    {
        var body = m.Document is { } d ? $"[document {d.FileName}] {m.Caption}" : m.Text;
        var buttons = BotApiEmulator.ButtonsOf(m.ToSentMessage());
        var keyboard = buttons.Count > 0 ? " " + string.Join(" ", buttons.Select(b => $"[{b.Text}]")) : "";
        var reply = m.ReplyToMessageId is { } to ? $"(reply to #{to}) " : "";
        var force = m.ReplyMarkup?["force_reply"] is not null ? " [force reply]" : "";
        return $"{reply}{body}{keyboard}{force}";
    }

    [GeneratedRegex(@"^/[A-Za-z0-9_]{1,64}(@[A-Za-z0-9_]{3,32})?(?![A-Za-z0-9_@])")]
    private static partial Regex LeadingCommand();

    private sealed class FaultSlot(EmulatorFault fault, int remaining)
    {
        public EmulatorFault Fault { get; } = fault;
        public int Remaining { get; set; } = remaining;
    }

    internal static string Serialize(JsonNode node) => node.ToJsonString(ApiResult.Json);

    internal static JsonSerializerOptions JsonOptions => ApiResult.Json;
}
