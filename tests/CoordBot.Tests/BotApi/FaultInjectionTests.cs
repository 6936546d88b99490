using CoordBot.BotApi;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace CoordBot.Tests.BotApi;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task An_injected_server_error_is_answered_once_then_the_method_works_again()
    {
        await using var kit = await EmulatorKit.StartAsync();
        kit.Emulator.RegisterUser(42, "Ada");
        kit.Emulator.InjectFault(new EmulatorFault("sendMessage", 1, FaultKind.ServerError));

        var (status, body) = await kit.CallAsync("sendMessage", new { chat_id = 42, text = "hi" });
        Assert.Equal(500, status);
        Assert.False(body["ok"]!.GetValue<bool>());

        Assert.Equal(200, (await kit.CallAsync("sendMessage", new { chat_id = 42, text = "hi" })).Status);
        Assert.Single(kit.Emulator.MessagesIn(42));
        Assert.Equal(2, kit.Emulator.Stats.RequestsTo("sendMessage"));
        Assert.Equal(1, kit.Emulator.Stats.FaultsInjected);
    }

    [Fact]
    public async Task A_dropped_connection_fails_the_request_once_without_any_response()
    {
        await using var kit = await EmulatorKit.StartAsync();
        kit.Emulator.RegisterUser(42, "Ada");
        kit.Emulator.InjectFault(new EmulatorFault("sendMessage", 1, FaultKind.DropConnection));

        await Assert.ThrowsAsync<HttpRequestException>(() => kit.CallAsync("sendMessage", new { chat_id = 42, text = "hi" }));
        Assert.Empty(kit.Emulator.MessagesIn(42));

        Assert.Equal(200, (await kit.CallAsync("sendMessage", new { chat_id = 42, text = "hi" })).Status);
    }

    [Fact]
    public async Task An_injected_429_reaches_the_real_client_with_its_retry_after()
    {
        await using var kit = await EmulatorKit.StartAsync();
        kit.Emulator.RegisterUser(42, "Ada");
        kit.Emulator.InjectFault(new EmulatorFault("sendMessage", 1, FaultKind.TooManyRequests, RetryAfterSeconds: 7));

        var ex = await Assert.ThrowsAsync<ApiRequestException>(() => kit.Bot.SendMessage(42, "hi"));

        Assert.Equal(429, ex.ErrorCode);
        Assert.Equal(7, ex.Parameters?.RetryAfter);
        Assert.Equal(1, kit.Emulator.Stats.TooManyRequestsSent);
    }

    [Fact]
    public async Task A_fault_filtered_by_chat_spares_the_other_chats()
    {
        await using var kit = await EmulatorKit.StartAsync();
        kit.Emulator.RegisterUser(42, "Ada");
        kit.Emulator.RegisterUser(43, "Bob");
        kit.Emulator.InjectFault(new EmulatorFault("sendMessage", 5, FaultKind.Forbidden, ChatId: 43));

        await kit.Bot.SendMessage(42, "fine");
        var ex = await Assert.ThrowsAsync<ApiRequestException>(() => kit.Bot.SendMessage(43, "blocked"));

        Assert.Equal(403, ex.ErrorCode);
        Assert.Equal("Forbidden: bot was blocked by the user", ex.Message);
    }

    [Fact]
    public async Task A_bad_gateway_answers_html_as_Telegram_front_end_does()
    {
        await using var kit = await EmulatorKit.StartAsync();
        kit.Emulator.InjectFault(new EmulatorFault(null, 1, FaultKind.BadGateway));

        using var response = await kit.Http.GetAsync($"/bot{kit.Emulator.BotToken}/getMe");

        Assert.Equal(502, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(200, (await kit.CallAsync("getMe")).Status);
    }
}
