using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CoordBot.Persistence;
using CoordBot.Telegram.Webhook;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoordBot.Tests.Hardening;

/// <summary>
/// The real host in webhook mode, and a client that posts updates to it as Telegram would (with the secret):
/// well-formed ones built here, or any bytes at all.
/// </summary>
public sealed class WebhookBot : IAsyncDisposable
{
    public const string Secret = "s3cret-token-for-tests_0123456789";
    public const string Path = "/telegram/webhook";

    private static long _nextUpdateId = 7_000_000;
    private HttpClient _http;

    private WebhookBot(BotHarness harness)
    {
        Harness = harness;
        _http = Client(harness);
    }

    public BotHarness Harness { get; }

    public static async Task<WebhookBot> StartAsync() => new(await BotHarness.StartAsync(new Dictionary<string, string?>
    {
        ["Telegram:Mode"] = "Webhook",
        ["Telegram:WebhookUrl"] = "https://bot.example.org" + Path,
        ["Telegram:WebhookSecret"] = Secret,
        ["Telegram:WebhookListenUrl"] = "http://127.0.0.1:0",
    }));

    public static long NextUpdateId() => Interlocked.Increment(ref _nextUpdateId);

    /// <summary>Restarts the host on the same database (the endpoint gets a new port).</summary>
    public async Task RestartAsync()
    {
        await Harness.RestartHostAsync();
        _http.Dispose();
        _http = Client(Harness);
    }

    public Task<HttpResponseMessage> PostAsync(string json) => PostAsync(Encoding.UTF8.GetBytes(json));

    public Task<HttpResponseMessage> PostAsync(byte[] body) => PostAsync(new ByteArrayContent(body));

    public async Task<HttpResponseMessage> PostAsync(HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = content };
        content.Headers.ContentType ??= new MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookEndpoint.SecretHeader, Secret);
        return await _http.SendAsync(request);
    }

    /// <summary>Posts an update that must be accepted (200).</summary>
    public async Task PostAcceptedAsync(string json)
    {
        using var response = await PostAsync(json);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"The webhook answered {(int)response.StatusCode} to {json}");
    }

    /// <summary>A text message from a user in a chat (their private chat when <paramref name="chatId"/> is null), as Telegram sends it.</summary>
    public static string Message(long userId, string text, long? chatId = null, string? firstName = null, long? updateId = null)
    {
        var chat = chatId ?? userId;
        var name = firstName ?? $"User{userId}";
        var chatJson = chat == userId
            ? new JsonObject { ["id"] = chat, ["type"] = "private", ["first_name"] = name }
            : new JsonObject { ["id"] = chat, ["type"] = "supergroup", ["title"] = $"Group {chat}" };
        var update = new JsonObject
        {
            ["update_id"] = updateId ?? NextUpdateId(),
            ["message"] = new JsonObject
            {
                ["message_id"] = (int)(NextUpdateId() % 1_000_000),
                ["date"] = 1_790_000_000,
                ["chat"] = chatJson,
                ["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = name },
                ["text"] = text,
            },
        };
        return update.ToJsonString();
    }

    /// <summary>A press of a button carrying <paramref name="data"/> on the bot's message <paramref name="messageId"/>.</summary>
    public static string Press(long userId, long chatId, long messageId, string data)
    {
        var update = new JsonObject
        {
            ["update_id"] = NextUpdateId(),
            ["callback_query"] = new JsonObject
            {
                ["id"] = NextUpdateId().ToString(CultureInfo.InvariantCulture),
                ["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = $"User{userId}" },
                ["message"] = new JsonObject
                {
                    ["message_id"] = messageId,
                    ["date"] = 1_790_000_000,
                    ["chat"] = chatId > 0
                        ? new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = $"User{chatId}" }
                        : new JsonObject { ["id"] = chatId, ["type"] = "supergroup", ["title"] = $"Group {chatId}" },
                    ["text"] = "a message of the bot",
                },
                ["chat_instance"] = "42",
                ["data"] = data,
            },
        };
        return update.ToJsonString();
    }

    public async Task<List<InboxUpdate>> InboxAsync()
    {
        await using var db = await Harness.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        return await db.InboxUpdates.AsNoTracking().OrderBy(u => u.UpdateId).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Harness.DisposeAsync();
    }

    private static HttpClient Client(BotHarness harness) =>
        new() { BaseAddress = harness.Services.GetRequiredService<BotWebHost>().AddressOf("Telegram:WebhookListenUrl"), Timeout = BotHarness.Patience };
}
