using System.Globalization;
using CoordBot.BotApi;
using CoordBot.Cluster;
using CoordBot.Tests.PostgreSql;

namespace CoordBot.PostgreSql.Tests.Cluster;

/// <summary>
/// In polling mode one instance polls and one sends; when that instance goes (its lock connections close), the other
/// takes both roles within the re-election interval, and what Telegram held for the bot meanwhile is handled.
/// </summary>
[Collection(SharedServer.Name)]
public sealed class LeaderFailoverTests
{
    /// <summary>
    /// Only a guard against a hang: the take-over is waited for as a signal (the role held), not timed, since a loaded
    /// machine stretches any clock reading. The test cluster asks again every second.
    /// </summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task When_the_elected_poller_and_sender_stops_the_other_instance_takes_over_and_nothing_pending_is_dropped()
    {
        Skip.If(PostgresServer.MissingReason is not null, PostgresServer.MissingReason);
        await using var emulator = await BotApiEmulator.StartAsync(ClusterHost.EmulatorOptions());
        var settings = ClusterHost.Settings(emulator, await TestDatabase.SettingsAsync(), webhook: false);
        var first = await ClusterHost.StartAsync(settings);
        await using var second = await ClusterHost.StartAsync(settings);
        try
        {
            // The first instance asked first and holds both roles; the second only handles, and polls nothing.
            await first.Election.HeldAsync(Leadership.Poller, CancellationToken.None).WaitAsync(Guard);
            await first.Election.HeldAsync(Leadership.Sender, CancellationToken.None).WaitAsync(Guard);
            Assert.False(second.Election.Holds(Leadership.Poller));
            Assert.False(second.Election.Holds(Leadership.Sender));
            Assert.Contains("I don't know /before", await AskAsync(emulator, 7001, "/before"), StringComparison.Ordinal);
        }
        finally
        {
            await first.DisposeAsync();
        }

        // Telegram keeps what arrives while nobody polls: these wait for the new poller.
        var waiting = Enumerable.Range(0, 20).Select(i => (User: 7100L + i, Text: string.Create(CultureInfo.InvariantCulture, $"/during{i}"))).ToList();
        foreach (var (user, text) in waiting)
        {
            emulator.RegisterUser(user, $"User{user}");
            emulator.SendText(user, user, text);
        }

        await second.Election.HeldAsync(Leadership.Poller, CancellationToken.None).WaitAsync(Guard);
        await second.Election.HeldAsync(Leadership.Sender, CancellationToken.None).WaitAsync(Guard);

        await Task.WhenAll(waiting.Select(w => emulator.WaitForMessageAsync(w.User, m => m.Text?.Contains(w.Text, StringComparison.Ordinal) == true, TimeSpan.FromSeconds(30))));
        // Counted: each update that waited while nobody polled is answered exactly once, and nothing is left with Telegram.
        Assert.All(waiting, w => Assert.Single(emulator.MessagesIn(w.User)));
        Assert.Contains("I don't know /after", await AskAsync(emulator, 7001, "/after"), StringComparison.Ordinal);
        Assert.Equal(0, emulator.PendingUpdateCount);
    }

    private static async Task<string?> AskAsync(BotApiEmulator emulator, long user, string text)
    {
        emulator.RegisterUser(user, $"User{user}");
        var last = emulator.MessagesIn(user).Select(m => m.MessageId).DefaultIfEmpty(0).Max();
        emulator.SendText(user, user, text);
        return (await emulator.WaitForMessageAsync(user, m => m.MessageId > last, TimeSpan.FromSeconds(30))).Text;
    }
}
