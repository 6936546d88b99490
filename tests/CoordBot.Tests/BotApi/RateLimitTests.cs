namespace CoordBot.Tests.BotApi;

public sealed class RateLimitTests
{
    [Fact]
    public async Task A_private_chat_takes_a_burst_of_three_then_gets_429_until_a_slot_frees()
    {
        await using var kit = await EmulatorKit.StartAsync();
        kit.Emulator.RegisterUser(42, "Ada");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, (await kit.CallAsync("sendMessage", new { chat_id = 42, text = $"burst {i}" })).Status);
        }

        var (status, body) = await kit.CallAsync("sendMessage", new { chat_id = 42, text = "one too many" });

        Assert.Equal(429, status);
        var retryAfter = body["parameters"]!["retry_after"]!.GetValue<int>();
        Assert.InRange(retryAfter, 1, 3);
        Assert.Equal($"Too Many Requests: retry after {retryAfter}", body["description"]!.GetValue<string>());
        Assert.Equal(1, kit.Emulator.Stats.TooManyRequestsSent);

        kit.Time.Advance(TimeSpan.FromSeconds(retryAfter));
        Assert.Equal(200, (await kit.CallAsync("sendMessage", new { chat_id = 42, text = "after waiting" })).Status);
        Assert.Equal(4, kit.Emulator.MessagesIn(42).Count);
    }

    [Fact]
    public async Task Sends_to_many_chats_hit_the_global_limit_within_one_second()
    {
        await using var kit = await EmulatorKit.StartAsync(o => o with { GlobalPerSecond = 5 });
        for (var user = 1; user <= 6; user++)
        {
            kit.Emulator.RegisterUser(user, $"User {user}");
        }

        for (var user = 1; user <= 5; user++)
        {
            Assert.Equal(200, (await kit.CallAsync("sendMessage", new { chat_id = user, text = "hello" })).Status);
        }

        var (status, body) = await kit.CallAsync("sendMessage", new { chat_id = 6, text = "hello" });
        Assert.Equal(429, status);
        Assert.Equal(1, body["parameters"]!["retry_after"]!.GetValue<int>());

        kit.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(200, (await kit.CallAsync("sendMessage", new { chat_id = 6, text = "hello" })).Status);
    }

    [Fact]
    public async Task A_group_gets_429_past_its_messages_per_minute_with_the_seconds_until_the_oldest_expires()
    {
        await using var kit = await EmulatorKit.StartAsync(o => o with { GroupPerMinute = 2 });
        kit.Emulator.RegisterGroup(-100, "Council");
        Assert.Equal(200, (await kit.CallAsync("sendMessage", new { chat_id = -100, text = "first" })).Status);
        kit.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(200, (await kit.CallAsync("sendMessage", new { chat_id = -100, text = "second" })).Status);

        var (status, body) = await kit.CallAsync("sendMessage", new { chat_id = -100, text = "third" });

        Assert.Equal(429, status);
        Assert.Equal(40, body["parameters"]!["retry_after"]!.GetValue<int>());
        kit.Time.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(200, (await kit.CallAsync("sendMessage", new { chat_id = -100, text = "third" })).Status);
    }

    [Fact]
    public async Task Limits_are_off_when_not_enforced()
    {
        await using var kit = await EmulatorKit.StartAsync(o => o with { EnforceLimits = false });
        kit.Emulator.RegisterUser(42, "Ada");
        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(200, (await kit.CallAsync("sendMessage", new { chat_id = 42, text = $"#{i}" })).Status);
        }

        Assert.Equal(40, kit.Emulator.Stats.SendsAccepted);
    }
}
