using System.Net;
using System.Text;
using CoordBot.Tests.Hardening;
using CoordBot.Tests.Support;

namespace CoordBot.Tests.EndToEnd;

/// <summary>What the webhook does with updates and bodies it cannot understand, sent with the right secret.</summary>
public sealed class WebhookHardeningTests
{
    public static TheoryData<string, string> Unreadable => new()
    {
        { "a message without its chat", """{"update_id":ID,"message":{"message_id":1,"date":1790000000,"text":"/start","from":{"id":61,"is_bot":false,"first_name":"Mallory"}}}""" },
        { "a button press without its sender", """{"update_id":ID,"callback_query":{"id":"77","chat_instance":"1","data":"b:1:y"}}""" },
        { "a button press on a message without its chat", """{"update_id":ID,"callback_query":{"id":"78","chat_instance":"1","data":"b:1:y","from":{"id":61,"is_bot":false,"first_name":"Mallory"},"message":{"message_id":3,"date":1790000000}}}""" },
        { "a message whose chat is a string", """{"update_id":ID,"message":{"message_id":1,"date":1790000000,"text":"/start","chat":"61","from":{"id":61,"is_bot":false,"first_name":"Mallory"}}}""" },
        { "a message whose date is text", """{"update_id":ID,"message":{"message_id":1,"date":"today","text":"/start","chat":{"id":61,"type":"private"},"from":{"id":61,"is_bot":false,"first_name":"Mallory"}}}""" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task An_update_the_bot_cannot_read_is_skipped_alone_and_the_next_one_is_answered_also_after_a_restart(string what, string template)
    {
        await using var bot = await WebhookBot.StartAsync();
        bot.Harness.Emulator.RegisterUser(61, "Mallory");
        var bad = WebhookBot.NextUpdateId();

        await bot.PostAcceptedAsync(template.Replace("ID", bad.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        await bot.PostAcceptedAsync(WebhookBot.Message(61, "/start"));

        var welcome = await bot.Harness.MessageStartingWithCatalogueAsync(61, "Start.Welcome");
        Assert.Contains("Welcome", welcome.PlainText, StringComparison.Ordinal);
        var row = (await bot.InboxAsync()).Single(u => u.UpdateId == bad);
        Assert.NotNull(row.ProcessedAt);
        Assert.StartsWith("Skipped: ", row.Error, StringComparison.Ordinal);

        await bot.RestartAsync();
        await bot.PostAcceptedAsync(WebhookBot.Message(61, "/start"));
        await bot.Harness.MessageStartingWithCatalogueAsync(61, "Start.Welcome", afterMessageId: welcome.MessageId);
        var inbox = await bot.InboxAsync();
        Assert.NotEmpty(inbox);
        Assert.All(inbox, u => Assert.NotNull(u.ProcessedAt));
        Assert.DoesNotContain(bot.Harness.Emulator.MessagesIn(61), m => m.Text!.StartsWith("Sorry", StringComparison.Ordinal));
        Assert.False(string.IsNullOrEmpty(what));
    }

    public static TheoryData<string, byte[]> BadBodies => new()
    {
        { "a string update_id", Encoding.UTF8.GetBytes("""{"update_id":"12","message":{"message_id":1,"date":1790000000,"text":"/start","chat":{"id":62,"type":"private"},"from":{"id":62,"is_bot":false,"first_name":"Eve"}}}""") },
        { "a fractional update_id", Encoding.UTF8.GetBytes("""{"update_id":12.5}""") },
        { "no update_id", Encoding.UTF8.GetBytes("""{"message":{"message_id":1}}""") },
        { "an array", Encoding.UTF8.GetBytes("[1,2,3]") },
        { "not JSON", Encoding.UTF8.GetBytes("update_id=12") },
        { "an empty body", [] },
        { "invalid UTF-8 in a string", [.. Encoding.UTF8.GetBytes("{\"update_id\":13,\"message\":{\"message_id\":1,\"date\":1790000000,\"text\":\"/start "), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes("\",\"chat\":{\"id\":62,\"type\":\"private\"},\"from\":{\"id\":62,\"is_bot\":false,\"first_name\":\"Eve\"}}}")] },
        { "an unpaired surrogate escape", Encoding.UTF8.GetBytes("""{"update_id":14,"message":{"message_id":1,"date":1790000000,"text":"/start \udc00","chat":{"id":62,"type":"private"},"from":{"id":62,"is_bot":false,"first_name":"Eve"}}}""") },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_body_that_is_not_an_update_gets_400_and_nothing_is_stored(string what, byte[] body)
    {
        await using var bot = await WebhookBot.StartAsync();

        using var response = await bot.PostAsync(body);

        Assert.True(HttpStatusCode.BadRequest == response.StatusCode, $"{what}: {(int)response.StatusCode}");
        Assert.Empty(await bot.InboxAsync());
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_and_nothing_is_stored_with_or_without_a_length()
    {
        await using var bot = await WebhookBot.StartAsync();
        bot.Harness.Emulator.RegisterUser(63, "Kaja");
        var huge = Encoding.UTF8.GetBytes(WebhookBot.Message(63, "/start " + new string('x', 20 * 1024 * 1024)));

        using var declared = await bot.PostAsync(huge);
        using var chunked = await bot.PostAsync(new StreamContent(new MemoryStream(huge)) { Headers = { ContentLength = null } });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Empty(await bot.InboxAsync());
        await bot.PostAcceptedAsync(WebhookBot.Message(63, "/start"));
        await bot.Harness.MessageStartingWithCatalogueAsync(63, "Start.Welcome");
    }

    [Fact]
    public async Task The_largest_update_Telegram_can_send_fits_under_the_limit()
    {
        await using var bot = await WebhookBot.StartAsync();
        bot.Harness.Emulator.RegisterUser(64, "Kaja");
        // 4,096 characters that JSON must escape (six bytes each), as the text and again in a quoted reply.
        var text = "/start " + new string('\u0001', 4_089);
        var json = WebhookBot.Message(64, text).Replace("}}", $",\"reply_to_message\":{{\"message_id\":2,\"date\":1790000000,\"chat\":{{\"id\":64,\"type\":\"private\"}},\"text\":{System.Text.Json.JsonSerializer.Serialize(text)}}}}}}}", StringComparison.Ordinal);

        await bot.PostAcceptedAsync(json);

        await bot.Harness.MessageStartingWithCatalogueAsync(64, "Start.Welcome");
    }
}
