using CoordBot.BotApi;
using CoordBot.Domain.Council;
using CoordBot.Domain.Membership;
using CoordBot.Persistence;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CoordBot.Tests.Guides.GuideKit;

namespace CoordBot.Tests.Dashboard;

/// <summary>/today through the emulator (issue 14, the personal dashboard): a head votes and answers a session from it.</summary>
public sealed class TodayTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static long HeadOf(IReadOnlyList<string> codes, string code) => codes.Contains(code) ? TestCouncil.HeadOf(code) : throw new ArgumentException(code);

    private static async Task<(BotHarness Bot, List<string> Codes)> CouncilWithAVoteAndASessionAsync()
    {
        var clock = new FakeTimeProvider(Now);
        var fast = new Dictionary<string, string?> { ["Delivery:PrivatePerSecond"] = "50", ["Delivery:GroupPerMinute"] = "600", ["Delivery:GlobalPerSecond"] = "500" };
        var bot = await BotHarness.StartAsync(fast, new BotApiEmulatorOptions { EnforceLimits = false }, s => s.AddSingleton<TimeProvider>(clock));
        var codes = TestCouncil.Codes.ToList();
        await TestCouncil.Seed().InZone("FRA", "Europe/Paris").SeedAsync(bot);

        await bot.SeedMemberAsync(8000, "FRA", DelegationRole.Observer);
        var estonia = HeadOf(codes, "EST");
        await bot.AskAsync(estonia, "/draft_new Press statement on cyber security\nThe Council condemns malicious cyber activities.");
        await bot.AskAsync(estonia, "/circulate D1");
        await bot.AskAsync(estonia, "/blue D1");
        await bot.AskAsync(BotHarness.OperatorId, "/vote_open D1 substantive 24h");
        await bot.AskAsync(BotHarness.OperatorId, "/schedule 2026-12-03 15:00 closed Situation in the Middle East");
        return (bot, codes);
    }

    /// <summary>Sends /today and waits for the dashboard (announcements and ballots may arrive in the same chat).</summary>
    private static async Task<SentMessage> TodayAsync(BotHarness bot, long user)
    {
        var today = await bot.AskStartingWithCatalogueAsync(user, "/today", "Dashboard.Title");
        Assert.StartsWith("What needs you now", today.PlainText, StringComparison.Ordinal);
        return today;
    }

    [Fact]
    public async Task A_head_sees_the_ballot_and_the_session_in_their_zone_and_acts_from_the_dashboard()
    {
        var (bot, codes) = await CouncilWithAVoteAndASessionAsync();
        await using var _ = bot;
        var france = HeadOf(codes, "FRA");

        var today = await TodayAsync(bot, france);

        Assert.Contains("D1 v1 “Press statement on cyber security”: your delegation's ballot is due by Wed 2 Dec 2026 10:00 (Europe/Paris, UTC+01) = Wed 2 Dec 2026 09:00 UTC", today.PlainText, StringComparison.Ordinal);
        Assert.Contains("S1 “Situation in the Middle East”: ", today.PlainText, StringComparison.Ordinal);
        Assert.Contains("Thu 3 Dec 2026 16:00 (Europe/Paris, UTC+01) = Thu 3 Dec 2026 15:00 UTC", today.PlainText, StringComparison.Ordinal);
        Assert.Contains("your delegation has not answered", today.PlainText, StringComparison.Ordinal);
        Assert.Contains(today.Buttons, b => b.Text == "D1: In favour" && b.CallbackData == "b:1:y");

        bot.Emulator.PressButton(france, france, today.MessageId, "b:1:y");
        Assert.StartsWith("France voted in favour of D1 v1", (await bot.MessageFromCatalogueAsync(france, "Voting.Receipt.Yes")).PlainText, StringComparison.Ordinal);
        bot.Emulator.PressButton(france, france, today.MessageId, "att:1:y");
        var after = await TodayAsync(bot, france);

        Assert.Contains("voting closes", after.PlainText, StringComparison.Ordinal);
        Assert.Contains("your delegation attends", after.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain(after.Buttons, b => b.CallbackData!.StartsWith("b:", StringComparison.Ordinal));
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        Assert.Equal(1, await db.Ballots.CountAsync(b => b.DelegationCode == "FRA"));
    }

    [Fact]
    public async Task A_command_button_is_checked_as_the_typed_command_is_and_an_observer_sees_no_ballot_or_draft()
    {
        var (bot, _) = await CouncilWithAVoteAndASessionAsync();
        await using var _ = bot;

        var observer = await TodayAsync(bot, 8000);
        Assert.DoesNotContain("D1", observer.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("cyber", observer.PlainText, StringComparison.Ordinal);

        var stranger = await bot.AskAsync(999, "/today");
        Assert.StartsWith("This is for members", stranger.PlainText, StringComparison.Ordinal);
    }
}
