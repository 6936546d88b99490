using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CoordBot.Tests.BotApi;

public sealed class SandboxEndpointTests
{
    [Fact]
    public async Task A_person_with_curl_can_write_press_and_read_without_seeing_the_token()
    {
        await using var kit = await EmulatorKit.StartAsync();
        using var group = await kit.Http.PostAsJsonAsync("_emulator/groups", new { chat_id = -1001, title = "Council" });
        using var send = await kit.Http.PostAsJsonAsync("_emulator/send", new { chat_id = 42, user_id = 42, text = "/start", first_name = "Ada" });
        var updateId = JsonNode.Parse(await send.Content.ReadAsStringAsync())!["update_id"]!.GetValue<long>();
        var keyboard = new { inline_keyboard = new[] { new[] { new { text = "Yes", callback_data = "y" } } } };
        var messageId = (await kit.CallAsync("sendMessage", new { chat_id = 42, text = "Ready?", reply_markup = keyboard })).Body["result"]!["message_id"]!.GetValue<long>();

        using var press = await kit.Http.PostAsJsonAsync("_emulator/press", new { chat_id = 42, user_id = 42, message_id = messageId, data = "y" });
        var badPress = await kit.Http.PostAsJsonAsync("_emulator/press", new { chat_id = 42, user_id = 42, message_id = messageId, data = "nope" });
        var messages = await kit.Http.GetStringAsync("_emulator/chats/42/messages");
        var chats = await kit.Http.GetStringAsync("_emulator/chats");

        Assert.Equal(200, (int)group.StatusCode);
        Assert.Equal(200, (int)press.StatusCode);
        Assert.Equal(400, (int)badPress.StatusCode);
        Assert.Equal(2, (await kit.UpdatesAsync(offset: updateId)).Count);
        var message = Assert.Single(JsonNode.Parse(messages)!.AsArray())!;
        Assert.Equal("Ready?", message["text"]!.GetValue<string>());
        Assert.Equal("y", message["buttons"]![0]!["data"]!.GetValue<string>());
        Assert.Contains("\"Council\"", chats);
        foreach (var output in new[] { messages, chats, await badPress.Content.ReadAsStringAsync() })
        {
            Assert.DoesNotContain(kit.Emulator.BotToken, output);
            Assert.DoesNotContain("sandbox-token", output);
        }

        badPress.Dispose();
    }
}
