using System.Net;
using CoordBot.Telegram.Webhook;
using CoordBot.Tests.Operations;
using CoordBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoordBot.Tests.Hosting;

/// <summary>
/// The webhook and the operations endpoints on the bot's one web host: one listener when their settings name the same
/// address, two side by side otherwise, each answering only its own endpoints.
/// </summary>
public sealed class WebHostTests
{
    private const string Webhook = "Telegram:WebhookListenUrl";
    private const string Operations = "Operations:Url";

    private static Task<BotHarness> StartAsync(string webhookUrl) => OperationsTestHost.StartAsync(new Dictionary<string, string?>
    {
        ["Telegram:Mode"] = "Webhook",
        ["Telegram:WebhookUrl"] = "https://bot.example.org/telegram/webhook",
        ["Telegram:WebhookSecret"] = "s3cret-token-for-tests_0123456789",
        [Webhook] = webhookUrl,
    });

    private static async Task<HttpStatusCode> StatusAsync(Uri address, HttpMethod method, string path)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = BotHarness.Patience };
        using var request = new HttpRequestMessage(method, path) { Content = method == HttpMethod.Post ? new StringContent("{}") : null };
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task The_same_address_in_both_settings_is_one_listener_serving_both()
    {
        // OperationsTestHost puts the operations endpoint on http://127.0.0.1:0: the same address.
        await using var bot = await StartAsync("http://127.0.0.1:0");
        var web = bot.Services.GetRequiredService<BotWebHost>();
        var address = web.AddressOf(Webhook)!;

        Assert.Equal(address, web.AddressOf(Operations));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(address, HttpMethod.Get, "/health/live"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(address, HttpMethod.Get, "/metrics"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(address, HttpMethod.Post, "/telegram/webhook"));
    }

    [Fact]
    public async Task Different_addresses_are_both_listened_on_and_each_serves_only_its_own_endpoints()
    {
        await using var bot = await StartAsync("http://127.0.0.2:0");
        var web = bot.Services.GetRequiredService<BotWebHost>();
        var webhook = web.AddressOf(Webhook)!;
        var operations = web.AddressOf(Operations)!;

        Assert.NotEqual(webhook.Port, operations.Port);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(operations, HttpMethod.Get, "/health/live"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(webhook, HttpMethod.Post, "/telegram/webhook"));
        // The public webhook address tells nothing of the bot's health or metrics, the loopback one takes no updates.
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(webhook, HttpMethod.Get, "/health/ready"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(webhook, HttpMethod.Get, "/metrics"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(operations, HttpMethod.Post, "/telegram/webhook"));
    }
}
