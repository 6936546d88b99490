using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoordBot.BotApi;
using CoordBot.Tests.Support;

namespace CoordBot.Tests.BotApi;

public sealed class StateFileTests
{
    [Fact]
    public async Task A_restarted_emulator_on_the_same_file_knows_its_people_chats_messages_and_files_and_the_bot_can_still_send()
    {
        using var directory = new TempDirectory();
        var file = directory.File("coordbot.sandbox.json");
        long firstUpdate;
        await using (var kit = await EmulatorKit.StartAsync(o => o with { StateFile = file }))
        {
            kit.Emulator.RegisterUser(42, "Ada");
            kit.Emulator.RegisterGroup(-1001, "Estonia delegation");
            firstUpdate = kit.Emulator.SendText(-1001, 42, "/linkgroup");
            Assert.Equal(200, (await kit.CallAsync("sendMessage", new { chat_id = -1001, text = "Linked <b>Estonia</b>", parse_mode = "HTML" })).Status);
            Assert.Equal(200, (await kit.CallAsync("sendMessage", new { chat_id = 42, text = "Welcome" })).Status);
        }

        Assert.True(File.Exists(file));
        await using var again = await EmulatorKit.StartAsync(o => o with { StateFile = file });

        // The chats exist: the bot's sends succeed instead of "chat not found".
        var (status, body) = await again.CallAsync("sendMessage", new { chat_id = -1001, text = "Still here" });
        Assert.Equal(200, status);
        Assert.Equal(3, body["result"]!["message_id"]!.GetValue<long>()); // the user wrote 1, the bot 2: numbering goes on
        Assert.Equal(200, (await again.CallAsync("sendMessage", new { chat_id = 42, text = "Still here" })).Status);
        Assert.Equal(["Linked Estonia", "Still here"], again.Emulator.MessagesIn(-1001).Select(m => m.PlainText));
        Assert.Contains(again.Emulator.Chats(), c => c.ChatId == -1001 && c.Title == "Estonia delegation");
        var timeline = JsonNode.Parse(await again.Http.GetStringAsync("_emulator/chats/-1001/timeline"))!;
        Assert.Equal("/linkgroup", timeline["items"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("Ada", timeline["items"]![0]!["from"]!.GetValue<string>());

        // Update ids go on from where they were: the bot skips an id it has already handled.
        Assert.True(again.Emulator.SendText(42, 42, "/me") > firstUpdate);
        Assert.Equal(2, (await again.UpdatesAsync()).Count);
    }

    [Fact]
    public async Task A_damaged_state_file_is_set_aside_and_the_emulator_starts_empty_with_a_warning()
    {
        using var directory = new TempDirectory();
        var file = directory.File("coordbot.sandbox.json");
        await File.WriteAllTextAsync(file, "{ not json");
        var warnings = new List<string>();
        await using var kit = await EmulatorKit.StartAsync(o => o with { StateFile = file, Warn = warnings.Add });

        Assert.Empty(kit.Emulator.Chats());
        Assert.True(File.Exists(file + ".unreadable"));
        Assert.Contains(warnings, w => w.Contains("cannot be read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_page_and_its_endpoints_are_served_and_say_when_the_clock_cannot_move()
    {
        await using var kit = await EmulatorKit.StartAsync();
        using var page = await kit.Http.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();
        using var clock = await kit.Http.PostAsJsonAsync("_emulator/clock", new { minutes = 10 });
        using var person = await kit.Http.PostAsJsonAsync("_emulator/people", new { user_id = 7, first_name = "" });

        Assert.Contains("CoordBot sandbox", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(409, (int)clock.StatusCode);
        Assert.Equal(400, (int)person.StatusCode);
        Assert.Contains("first_name is required", await person.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
