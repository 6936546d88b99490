using Microsoft.Extensions.Time.Testing;
using CoordBot.BotApi;
using CoordBot.Domain.Membership;
using CoordBot.Tests.Drafts;
using CoordBot.Tests.Support;
using CoordBot.Telegram.Delivery;
using Microsoft.Extensions.DependencyInjection;
using static CoordBot.Tests.Voting.VotingTestKit;

namespace CoordBot.Tests.Delivery;

/// <summary>
/// Issue 23 item 8: whoever started an action hears its outcome where they started it, even when their delegation's
/// messages go to its linked group, and never twice in one chat.
/// </summary>
public sealed class StarterChatTests
{
    private const long PresidencyGroup = -500100;

    [Fact]
    public async Task A_chair_who_opened_a_vote_privately_hears_the_result_there_as_well_as_in_the_group()
    {
        var (bot, clock, _) = await StartAsync();
        await using var _ = bot;
        var chair = HeadOf(await PresidentAsync(bot));
        await bot.LinkGroupAsync(await PresidentAsync(bot), PresidencyGroup);

        await bot.AskAsync(chair, "/vote_open D3 1h");
        clock.Advance(TimeSpan.FromHours(2));
        await RunCloseAsync(bot, 1);
        Assert.StartsWith("Result of the vote on D3", (await bot.VoteResultAsync(chair)).PlainText, StringComparison.Ordinal);
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);

        Assert.Single(Results(bot, chair));
        Assert.Single(Results(bot, PresidencyGroup));
    }

    [Fact]
    public async Task A_vote_opened_in_the_delegations_group_brings_its_result_there_once()
    {
        var (bot, clock, _) = await StartAsync();
        await using var _ = bot;
        var president = await PresidentAsync(bot);
        var chair = HeadOf(president);
        await bot.LinkGroupAsync(president, PresidencyGroup);

        await bot.AskAsync(chair, "/vote_open D3 1h", PresidencyGroup);
        clock.Advance(TimeSpan.FromHours(2));
        await RunCloseAsync(bot, 1);
        Assert.StartsWith("Result of the vote on D3", (await bot.VoteResultAsync(PresidencyGroup)).PlainText, StringComparison.Ordinal);
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);

        Assert.Single(Results(bot, PresidencyGroup));
        Assert.Empty(Results(bot, chair));
    }

    [Fact]
    public async Task A_penholder_who_started_silence_privately_hears_it_broken_and_agreed_there()
    {
        const long estHead = 101, fraHead = 201, estGroup = -100101;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        var fast = new Dictionary<string, string?> { ["Delivery:GroupPerMinute"] = "600", ["Delivery:PrivatePerSecond"] = "20" };
        await using var bot = await BotHarness.StartAsync(fast, new BotApiEmulatorOptions { GroupPerMinute = 600, PrivatePerSecond = 20, PrivateBurst = 20 }, configure: s => s.AddSingleton<TimeProvider>(clock));
        await bot.SeedMemberAsync(estHead, "EST", DelegationRole.Head, "Sven");
        await bot.SeedMemberAsync(fraHead, "FRA", DelegationRole.Head, "Nicolas");
        await bot.LinkGroupAsync("EST", estGroup);
        await bot.AskAsync(estHead, "/draft_new First statement\nThe Council meets.");
        await bot.AskAsync(estHead, "/draft_new Second statement\nThe Council stands united.");
        await bot.AskAsync(estHead, "/circulate D1 FRA");
        await bot.AskAsync(estHead, "/circulate D2 FRA");
        await bot.AskAsync(estHead, "/silence D1 2");
        await bot.AskAsync(estHead, "/silence D2 2");

        await bot.AskAsync(fraHead, "/breaksilence D1 We need more time.");
        var broken = await bot.MessageStartingWithCatalogueAsync(estHead, "Drafts.BreakSilence.Notice");
        Assert.StartsWith("Silence broken on D1", broken.PlainText, StringComparison.Ordinal);
        Assert.Contains("We need more time.", broken.PlainText, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        Assert.StartsWith("D2 v1 · Second statement is agreed under silence", (await bot.MessageStartingWithCatalogueAsync(estHead, "Drafts.Silence.Agreed")).PlainText, StringComparison.Ordinal);
        Assert.StartsWith("D2 v1 · Second statement is agreed under silence", (await bot.MessageStartingWithCatalogueAsync(estGroup, "Drafts.Silence.Agreed")).PlainText, StringComparison.Ordinal);
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);
        Assert.Single(bot.Emulator.MessagesIn(estHead), m => m.PlainText!.Contains("is agreed under silence", StringComparison.Ordinal));
        Assert.Single(bot.Emulator.MessagesIn(estGroup), m => m.PlainText!.Contains("is agreed under silence", StringComparison.Ordinal));
    }

    private static List<SentMessage> Results(BotHarness bot, long chat) =>
        [.. bot.Emulator.MessagesIn(chat).Where(m => m.PlainText!.StartsWith("Result of the vote on D3", StringComparison.Ordinal))];
}
