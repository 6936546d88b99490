using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace CoordBot.Tests.BotApi;

/// <summary>
/// The page's endpoints are safe from other web pages (issue 28): changes only as JSON, from this page or from no
/// page, to this server's own name; links and URL buttons follow Telegram's rules.
/// </summary>
public sealed class SandboxSafetyTests
{
    [Fact]
    public async Task A_change_that_is_not_json_or_comes_from_another_page_is_refused_and_changes_nothing()
    {
        await using var kit = await EmulatorKit.StartAsync();
        kit.Emulator.RegisterUser(1, "Operator");
        const string body = """{"chat_id":1,"user_id":1,"text":"/invite BEL head"}""";

        using var plain = await kit.Http.PostAsync("_emulator/send", new StringContent(body, Encoding.UTF8, "text/plain"));
        using var form = await kit.Http.PostAsync("_emulator/send", new FormUrlEncodedContent([new("chat_id", "1")]));
        using var bare = await kit.Http.PostAsync("_emulator/actions/anything", null);
        using var foreign = await SendAsync(kit, HttpMethod.Post, "_emulator/send", body, origin: "http://evil.example");
        using var opaque = await SendAsync(kit, HttpMethod.Post, "_emulator/send", body, origin: "null");
        using var otherPort = await SendAsync(kit, HttpMethod.Post, "_emulator/send", body, origin: $"http://127.0.0.1:{kit.Emulator.BaseUrl.Port + 1}");

        foreach (var refused in new[] { plain, form, bare, foreign, opaque, otherPort })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.StartsWith("Refused:", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Contains("application/json", await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("another web page", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("/invite", kit.Emulator.MessageThreadLog(1), StringComparison.Ordinal);
        Assert.Empty(await kit.UpdatesAsync());

        // The page itself (same origin) and curl (no origin) still work.
        using var samePage = await SendAsync(kit, HttpMethod.Post, "_emulator/send", body, origin: $"http://{kit.Emulator.BaseUrl.Authority}");
        using var curl = await kit.Http.PostAsJsonAsync("_emulator/send", new { chat_id = 1, user_id = 1, text = "/start" });
        Assert.Equal(HttpStatusCode.OK, samePage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, curl.StatusCode);
        Assert.Equal(2, (await kit.UpdatesAsync()).Count);
    }

    [Theory]
    [InlineData("GET", "_emulator/overview")]
    [InlineData("GET", "_emulator/chats/1/timeline")]
    [InlineData("GET", "")]
    [InlineData("POST", "_emulator/send")]
    public async Task A_request_naming_another_host_is_refused_so_dns_rebinding_reads_and_does_nothing(string method, string path)
    {
        await using var kit = await EmulatorKit.StartAsync();
        kit.Emulator.RegisterUser(1, "Operator");
        kit.Emulator.SendText(1, 1, "council business");

        using var rebound = await SendAsync(kit, new HttpMethod(method), path, """{"chat_id":1,"user_id":1,"text":"/start"}""", host: $"attacker.example:{kit.Emulator.BaseUrl.Port}");
        using var localhost = await SendAsync(kit, new HttpMethod(method), path, """{"chat_id":1,"user_id":1,"text":"/start"}""", host: $"localhost:{kit.Emulator.BaseUrl.Port}");

        Assert.Equal(HttpStatusCode.Forbidden, rebound.StatusCode);
        var refusal = await rebound.Content.ReadAsStringAsync();
        Assert.DoesNotContain("council business", refusal, StringComparison.Ordinal);
        Assert.Contains("not this sandbox's address", refusal, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, localhost.StatusCode);
    }

    [Fact]
    public async Task The_bot_api_is_guarded_by_its_token_not_by_the_host_and_the_page_answers_head_and_has_a_favicon()
    {
        await using var kit = await EmulatorKit.StartAsync();
        using var getMe = await SendAsync(kit, HttpMethod.Post, $"/bot{kit.Emulator.BotToken}/getMe", "{}", host: "api.telegram.org");
        using var head = await kit.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/"));
        using var icon = await kit.Http.GetAsync("/favicon.svg");
        using var ico = await kit.Http.GetAsync("/favicon.ico");

        Assert.Equal(HttpStatusCode.OK, getMe.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("text/html", head.Content.Headers.ContentType?.MediaType);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await icon.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ico.StatusCode);
    }

    [Theory]
    [InlineData("javascript:alert(1)", "Unsupported URL protocol")]
    [InlineData("data:text/html,<b>x</b>", "Unsupported URL protocol")]
    [InlineData("file:///etc/passwd", "Unsupported URL protocol")]
    [InlineData("localhost", "Wrong HTTP URL")]
    public async Task Links_and_url_buttons_outside_http_https_and_tg_are_refused_as_telegram_refuses_them(string url, string problem)
    {
        await using var kit = await EmulatorKit.StartAsync();
        kit.Emulator.RegisterUser(42, "Ada");

        var (linkStatus, link) = await kit.CallAsync("sendMessage", new { chat_id = 42, text = $"<a href=\"{WebUtility.HtmlEncode(url)}\">open</a>", parse_mode = "HTML" });
        var (buttonStatus, button) = await kit.CallAsync("sendMessage", new
        {
            chat_id = 42,
            text = "x",
            reply_markup = new { inline_keyboard = new[] { new[] { new { text = "open", url } } } },
        });

        Assert.Equal(400, linkStatus);
        Assert.Equal($"Bad Request: entity URL '{url}' is invalid: {problem}", link["description"]!.GetValue<string>());
        Assert.Equal(400, buttonStatus);
        Assert.Equal($"Bad Request: inline keyboard button URL '{url}' is invalid: {problem}", button["description"]!.GetValue<string>());
        Assert.Empty(kit.Emulator.MessagesIn(42));
    }

    [Theory]
    [InlineData("https://t.me/CoordBot?start=D3")]
    [InlineData("http://example.org/a?b=c")]
    [InlineData("tg://resolve?domain=CoordBot")]
    [InlineData("example.org/draft")]
    public async Task Http_https_and_tg_links_are_accepted(string url)
    {
        await using var kit = await EmulatorKit.StartAsync();
        kit.Emulator.RegisterUser(42, "Ada");

        var (linkStatus, _) = await kit.CallAsync("sendMessage", new { chat_id = 42, text = $"<a href=\"{WebUtility.HtmlEncode(url)}\">open</a>", parse_mode = "HTML" });
        var (buttonStatus, _) = await kit.CallAsync("sendMessage", new
        {
            chat_id = 42,
            text = "x",
            reply_markup = new { inline_keyboard = new[] { new[] { new { text = "open", url } } } },
        });

        Assert.Equal(200, linkStatus);
        Assert.Equal(200, buttonStatus);
    }

    private static Task<HttpResponseMessage> SendAsync(EmulatorKit kit, HttpMethod method, string path, string json, string? origin = null, string? host = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (method != HttpMethod.Get && method != HttpMethod.Head)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (host is not null)
        {
            request.Headers.Host = host;
        }

        return kit.Http.SendAsync(request);
    }
}
