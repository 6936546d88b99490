using System.Text.Json.Nodes;
using Telegram.Bot;

namespace CoordBot.Tests.BotApi;

public sealed class LongPollingTests
{
    [Fact]
    public async Task A_waiting_long_poll_returns_as_soon_as_a_user_writes()
    {
        await using var kit = await EmulatorKit.StartAsync();
        kit.Emulator.RegisterUser(42, "Ada");

        var poll = kit.UpdatesAsync(timeout: 50);
        await kit.Emulator.WaitForWaitingPollAsync(EmulatorKit.SafetyNet);
        var updateId = kit.Emulator.SendText(42, 42, "/start now");

        // The fake clock never moves, so only the new update can have ended the poll.
        var updates = await poll.WaitAsync(EmulatorKit.SafetyNet);
        var update = Assert.Single(updates);
        Assert.Equal(updateId, update!["update_id"]!.GetValue<long>());
        var message = update["message"]!;
        Assert.Equal("/start now", message["text"]!.GetValue<string>());
        Assert.Equal("private", message["chat"]!["type"]!.GetValue<string>());
        Assert.Equal("Ada", message["from"]!["first_name"]!.GetValue<string>());
        var entity = message["entities"]![0]!;
        Assert.Equal("bot_command", entity["type"]!.GetValue<string>());
        Assert.Equal(0, entity["offset"]!.GetValue<int>());
        Assert.Equal("/start".Length, entity["length"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_long_poll_answers_an_empty_list_when_its_timeout_passes()
    {
        await using var kit = await EmulatorKit.StartAsync();

        var poll = kit.UpdatesAsync(timeout: 30);
        await kit.Emulator.WaitForWaitingPollAsync(EmulatorKit.SafetyNet);
        kit.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(poll.IsCompleted);
        kit.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Empty(await poll.WaitAsync(EmulatorKit.SafetyNet));
    }

    [Fact]
    public async Task An_offset_confirms_and_forgets_every_earlier_update()
    {
        await using var kit = await EmulatorKit.StartAsync();
        var first = kit.Emulator.SendText(7, 7, "one");
        var second = kit.Emulator.SendText(7, 7, "two");
        var third = kit.Emulator.SendText(7, 7, "three");

        Assert.Equal([first, second, third], Ids(await kit.UpdatesAsync()));
        Assert.Equal([second, third], Ids(await kit.UpdatesAsync(offset: second)));
        Assert.Equal(2, kit.Emulator.PendingUpdateCount);
        Assert.Empty(await kit.UpdatesAsync(offset: third + 1));
        Assert.Equal(0, kit.Emulator.PendingUpdateCount);

        // Confirmed updates never come back, even from offset 0.
        Assert.Empty(await kit.UpdatesAsync());
    }

    [Fact]
    public async Task A_newer_poll_ends_the_waiting_one_with_a_conflict_as_Telegram_does()
    {
        await using var kit = await EmulatorKit.StartAsync();
        var older = kit.CallAsync("getUpdates", new { timeout = 30 });
        await kit.Emulator.WaitForWaitingPollAsync(EmulatorKit.SafetyNet);

        var (status, body) = await kit.CallAsync("getUpdates", new { timeout = 0 });
        Assert.Equal(200, status);
        Assert.Empty(body["result"]!.AsArray());

        var (olderStatus, olderBody) = await older.WaitAsync(EmulatorKit.SafetyNet);
        Assert.Equal(409, olderStatus);
        Assert.StartsWith("Conflict: terminated by other getUpdates request", olderBody["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_aborted_poll_stops_waiting_and_loses_no_update()
    {
        await using var kit = await EmulatorKit.StartAsync();
        using var abort = new CancellationTokenSource();
        var poll = kit.Bot.GetUpdates(timeout: 30, cancellationToken: abort.Token);
        await kit.Emulator.WaitForWaitingPollAsync(EmulatorKit.SafetyNet);

        await abort.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => poll.WaitAsync(EmulatorKit.SafetyNet));
        var id = kit.Emulator.SendText(42, 42, "after the abort");

        Assert.Equal(id, Assert.Single(await kit.Bot.GetUpdates(timeout: 30)).Id);
    }

    [Fact]
    public async Task Disposing_the_emulator_answers_a_poll_waiting_on_a_clock_that_never_moves()
    {
        var kit = await EmulatorKit.StartAsync();
        using var http = new HttpClient { BaseAddress = kit.Emulator.BaseUrl, Timeout = EmulatorKit.SafetyNet };
        var poll = http.GetStringAsync($"/bot{kit.Emulator.BotToken}/getUpdates?timeout=600");
        await kit.Emulator.WaitForWaitingPollAsync(EmulatorKit.SafetyNet);

        await kit.DisposeAsync().AsTask().WaitAsync(EmulatorKit.SafetyNet);

        Assert.Equal("""{"ok":true,"result":[]}""", await poll.WaitAsync(EmulatorKit.SafetyNet));
    }

    private static long[] Ids(JsonArray updates) => [.. updates.Select(u => u!["update_id"]!.GetValue<long>())];
}
