using System.Net;
using System.Text;
using CoordBot.Persistence;
using CoordBot.Telegram.Webhook;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoordBot.Tests.EndToEnd;

public sealed class WebhookTests
{
    private const string Secret = "s3cret-token-for-tests_0123456789";

    private static Task<BotHarness> StartWebhookBotAsync() => BotHarness.StartAsync(new Dictionary<string, string?>
    {
        ["Telegram:Mode"] = "Webhook",
        ["Telegram:WebhookUrl"] = "https://bot.example.org/telegram/webhook",
        ["Telegram:WebhookSecret"] = Secret,
        ["Telegram:WebhookListenUrl"] = "http://127.0.0.1:0",
    });

    private static StringContent Update(long id) => new(
        "{\"update_id\":" + id.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + ",\"message\":{\"message_id\":1,\"date\":1700000000,\"text\":\"/start\",\"chat\":{\"id\":42,\"type\":\"private\",\"first_name\":\"Kaja\"},\"from\":{\"id\":42,\"is_bot\":false,\"first_name\":\"Kaja\"}}}",
        Encoding.UTF8,
        "application/json");

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret-of-the-same-length!!")]
    [InlineData("")]
    public async Task A_call_without_the_right_secret_gets_401_and_changes_nothing(string? secret)
    {
        await using var bot = await StartWebhookBotAsync();
        var server = bot.Services.GetRequiredService<BotWebHost>();
        using var http = new HttpClient { BaseAddress = server.AddressOf("Telegram:WebhookListenUrl") };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = Update(5001) };
        if (secret is not null)
        {
            request.Headers.Add(WebhookEndpoint.SecretHeader, secret);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        Assert.Equal(0, await db.InboxUpdates.CountAsync());
    }

    [Fact]
    public async Task A_call_with_the_secret_is_stored_and_answered()
    {
        await using var bot = await StartWebhookBotAsync();
        bot.Emulator.RegisterUser(42, "Kaja");
        var server = bot.Services.GetRequiredService<BotWebHost>();
        using var http = new HttpClient { BaseAddress = server.AddressOf("Telegram:WebhookListenUrl") };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = Update(5002) };
        request.Headers.Add(WebhookEndpoint.SecretHeader, Secret);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Welcome", (await bot.MessageStartingWithCatalogueAsync(42, "Start.Welcome")).PlainText, StringComparison.Ordinal);
    }
}
