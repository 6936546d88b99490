using System.Text.Json.Nodes;
using CoordBot.BotApi.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoordBot.BotApi;

/// <summary>
/// A Telegram Bot API server for tests and the sandbox: the real Telegram.Bot client talks to it over HTTP
/// at <see cref="BaseUrl"/>, while tests (or a person with curl at /_emulator) play the users.
/// </summary>
public sealed class BotApiEmulator : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly EmulatorState state;
    private readonly StateFile? stateFile;

    private BotApiEmulator(WebApplication app, EmulatorState state, StateFile? stateFile, Uri baseUrl)
    {
        this.app = app;
        this.state = state;
        this.stateFile = stateFile;
        BaseUrl = baseUrl;
    }

    /// <summary>The real bound address, e.g. http://127.0.0.1:41234; give it to <c>TelegramBotClientOptions</c> as baseUrl.</summary>
    public Uri BaseUrl { get; }

    public string BotToken => state.Options.BotToken;

    public static async Task<BotApiEmulator> StartAsync(BotApiEmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);

        // An empty builder: the emulator must not pick up the host's appsettings, Kestrel sections or logging.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls(options.Url);
        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        var state = new EmulatorState(options);
        var stateFile = options.StateFile is { Length: > 0 } path ? new StateFile(path, state, options.Warn) : null;
        stateFile?.Load();

        // The page's actions drive the emulator itself, which exists only once the server has started.
        BotApiEmulator? started = null;
        var guard = new SandboxGuard(options.Url);
        app.Use(guard.InvokeAsync);
        BotApiEndpoints.Map(app, state);
        SandboxEndpoints.Map(app, state, () => started ?? throw new InvalidOperationException("The emulator is still starting."));
        SandboxPage.Map(app);
        app.MapFallback(context => BotApiEndpoints.WriteAsync(context, ApiResult.Error(404, "Not Found")));

        await app.StartAsync(cancellationToken);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? options.Url;

        // A wildcard binding is reachable on loopback, which is where the in-process bot connects.
        var reachable = bound.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
        guard.BoundTo(new Uri(reachable));
        started = new BotApiEmulator(app, state, stateFile, new Uri(reachable));
        stateFile?.Start();
        return started;
    }

    // ---- the users' side ------------------------------------------------------------------

    /// <summary>Makes a user (and the private chat with them) known; calling again updates the names. Returns the user id.</summary>
    public long RegisterUser(long userId, string firstName, string? username = null, string? lastName = null) =>
        state.RegisterUser(userId, firstName, username, lastName);

    /// <summary>The language_code Telegram sends with this user's updates from now on (their app's language; null for none).</summary>
    public void SetLanguageCode(long userId, string? languageCode) => state.SetLanguageCode(userId, languageCode);

    /// <summary>Makes a group known (chat ids below zero; Telegram type "supergroup").</summary>
    public void RegisterGroup(long chatId, string title) => state.RegisterGroup(chatId, title);

    /// <summary>What getChatMember answers for this user in this chat: creator, administrator, member (default), restricted, left or kicked.</summary>
    public void SetChatMemberStatus(long chatId, long userId, string status) => state.SetChatMemberStatus(chatId, userId, status);

    /// <summary>A user writes in a chat; returns the update_id. A leading /command gets a bot_command entity as Telegram adds.</summary>
    public long SendText(long chatId, long fromUserId, string text) => state.SendText(chatId, fromUserId, text, null);

    /// <summary>
    /// A user answers a message of the chat (the bot's or a person's) by Telegram's reply: the bot gets it as
    /// <c>message.reply_to_message</c>. Throws if the chat has no such message. Returns the update_id.
    /// </summary>
    public long SendReply(long chatId, long fromUserId, long replyToMessageId, string text) =>
        state.SendText(chatId, fromUserId, text, replyToMessageId);

    /// <summary>A user sends a file; getFile and /file/bot{token}/{file_path} then serve its content.</summary>
    public long SendDocument(long chatId, long fromUserId, string fileName, byte[] content, string? caption = null) =>
        state.SendDocument(chatId, fromUserId, fileName, content, caption);

    /// <summary>A user presses an inline button of a message the bot sent; throws if the message has no such button.</summary>
    public long PressButton(long chatId, long fromUserId, long messageId, string data) =>
        state.PressButton(chatId, fromUserId, messageId, data);

    /// <summary>Queues any update (JSON without update_id), for malformed or unknown update kinds.</summary>
    public long PostRawUpdate(string updateJsonWithoutId) => state.PostRawUpdate(updateJsonWithoutId);

    /// <summary>
    /// The group is upgraded to a supergroup with <paramref name="newChatId"/> (by <paramref name="byUserId"/>): service messages
    /// carry migrate_to_chat_id and migrate_from_chat_id, and a message to the old id is refused with 400 and
    /// parameters.migrate_to_chat_id, as Telegram does. Without <paramref name="serviceMessages"/> the bot learns it only
    /// from a refused send (as when it sends before it has read the service message).
    /// </summary>
    public void MigrateGroup(long chatId, long newChatId, long byUserId, bool serviceMessages = true) =>
        state.MigrateGroup(chatId, newChatId, byUserId, serviceMessages);

    /// <summary>A user removes the bot from a group (status "kicked" or "left"): a my_chat_member update; sends there then get 403.</summary>
    public void RemoveBot(long chatId, long byUserId, string status = "kicked") => state.RemoveBot(chatId, byUserId, status);

    /// <summary>The user blocks the bot: a my_chat_member update in their private chat (kicked); sends to them then get 403 "bot was blocked by the user".</summary>
    public void BlockBot(long userId) => state.SetBlocked(userId, blocked: true);

    /// <summary>The user unblocks the bot (restarts it): a my_chat_member update (member); sends reach them again.</summary>
    public void UnblockBot(long userId) => state.SetBlocked(userId, blocked: false);

    /// <summary>
    /// Tells the sandbox page what a scripted scene is doing now (shown as its status line), and which chats are worth
    /// watching for it (the page opens them beside the others on a wide screen). Not kept in the state file.
    /// </summary>
    public void Narrate(string text, params long[] watch) => state.Narrate(text, watch);

    // ---- what the bot did -----------------------------------------------------------------

    /// <summary>The bot's messages in a chat, in order, edits applied, deleted ones marked.</summary>
    public IReadOnlyList<SentMessage> MessagesIn(long chatId) => state.MessagesIn(chatId);

    public IReadOnlyList<SentMessage> AllMessages() => state.AllMessages();

    /// <summary>
    /// Completes when a bot message in the chat (already there or arriving later, in its current state) matches.
    /// The timeout runs on real time even with a fake clock, as a safety net; on expiry the exception lists the chat.
    /// </summary>
    public Task<SentMessage> WaitForMessageAsync(long chatId, Func<SentMessage, bool> predicate, TimeSpan timeout, CancellationToken ct = default) =>
        state.WaitForMessageAsync(chatId, predicate, timeout, ct);

    /// <summary>
    /// Completes when a getUpdates call is blocked waiting for updates (at once if one already is): the bot is idle.
    /// With a fake clock, advance it only after this, so the poll's timeout timer exists. The timeout is real time.
    /// </summary>
    public Task WaitForWaitingPollAsync(TimeSpan timeout, CancellationToken ct = default) =>
        state.WaitForWaitingPollAsync(timeout, ct);

    /// <summary>
    /// Completes when the bot answers the press that <see cref="PressButton"/> queued as <paramref name="pressUpdateId"/>
    /// (answerCallbackQuery), with that answer. The timeout is real time, a safety net; on expiry the exception lists the chat.
    /// </summary>
    public Task<CallbackAnswer> WaitForCallbackAnswerAsync(long pressUpdateId, TimeSpan timeout, CancellationToken ct = default) =>
        state.WaitForCallbackAnswerAsync(pressUpdateId, timeout, ct);

    /// <summary>A readable transcript of a chat: what users wrote and pressed, what the bot sent, edited, deleted and answered.</summary>
    public string MessageThreadLog(long chatId) => state.MessageThreadLog(chatId);

    public IReadOnlyList<CallbackAnswer> CallbackAnswers => state.CallbackAnswers;

    /// <summary>The commands set for the default scope without a language.</summary>
    public IReadOnlyList<BotCommandInfo> Commands => state.CommandsFor(EmulatorState.CommandsKey("default", null, null, null));

    /// <summary>The commands set for a scope (Telegram's scope type, e.g. "all_private_chats", "chat", "chat_member") and language.</summary>
    public IReadOnlyList<BotCommandInfo> CommandsFor(string scopeType, long? chatId = null, long? userId = null, string? languageCode = null) =>
        state.CommandsFor(EmulatorState.CommandsKey(scopeType, chatId, userId, languageCode));

    public EmulatorStats Stats => state.Stats;

    /// <summary>Updates queued and not yet confirmed by a getUpdates offset.</summary>
    public int PendingUpdateCount => state.PendingUpdateCount;

    /// <summary>Every chat the emulator knows, with how many messages the bot sent there.</summary>
    public IReadOnlyList<(long ChatId, string Type, string? Title, int MessageCount)> Chats() => state.Chats();

    /// <summary>The inline keyboard of a message as (text, callback_data) pairs, row after row.</summary>
    public static IReadOnlyList<(string Text, string? CallbackData)> ButtonsOf(SentMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.ReplyMarkupJson is null || JsonNode.Parse(message.ReplyMarkupJson)?["inline_keyboard"] is not JsonArray rows)
        {
            return [];
        }

        return [.. rows.OfType<JsonArray>().SelectMany(r => r).OfType<JsonObject>()
            .Select(b => (b["text"]?.ToString() ?? "", b["callback_data"]?.ToString()))];
    }

    /// <summary>Whether the message's reply markup is Telegram's ForceReply (and, with <paramref name="selective"/>, a selective one).</summary>
    public static bool IsForceReply(SentMessage message, bool selective = false)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.ReplyMarkupJson is null || JsonNode.Parse(message.ReplyMarkupJson) is not JsonObject markup
            || markup["force_reply"] is not JsonValue force || !force.TryGetValue<bool>(out var on) || !on)
        {
            return false;
        }

        return !selective || (markup["selective"] is JsonValue s && s.TryGetValue<bool>(out var sel) && sel);
    }

    // ---- faults ---------------------------------------------------------------------------

    public void InjectFault(EmulatorFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        state.InjectFault(fault);
    }

    public async ValueTask DisposeAsync()
    {
        // Long polls may wait on a fake clock that never advances; end them so the server stops at once.
        state.Shutdown();
        await app.StopAsync();
        await app.DisposeAsync();
        if (stateFile is not null)
        {
            await stateFile.FlushAsync();
        }
    }
}
