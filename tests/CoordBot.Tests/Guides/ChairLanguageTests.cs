using CoordBot.BotApi;
using CoordBot.Features.Voting;
using CoordBot.Localization;
using CoordBot.Tests.Support;

namespace CoordBot.Tests.Guides;

/// <summary>Issue 23's read-through: a notice to the chair is in the chair's language as every notice to a person is (chosen, else their Telegram app's).</summary>
public sealed class ChairLanguageTests
{
    private static IReadOnlyList<string> Codes => TestCouncil.Codes;

    private static long Head(string code) => TestCouncil.HeadOf(code);

    [Fact]
    public async Task A_chair_whose_app_is_in_French_hears_that_everyone_voted_in_French_without_choosing_a_language()
    {
        var fast = new Dictionary<string, string?> { ["Delivery:PrivatePerSecond"] = "50", ["Delivery:GroupPerMinute"] = "600", ["Delivery:GlobalPerSecond"] = "500", ["Voting:EarlyCloseGrace"] = "00:10:00" };
        await using var bot = await BotHarness.StartAsync(fast, new BotApiEmulatorOptions { EnforceLimits = false });
        await TestCouncil.Seed().SeedAsync(bot);

        const long chair = BotHarness.OperatorId;
        bot.Emulator.RegisterUser(chair, "Chair");
        bot.Emulator.SetLanguageCode(chair, "fr");
        var estonia = Head("EST");
        await bot.AskAsync(estonia, "/draft_new Press statement on cyber security\nThe Council condemns malicious cyber activities.");
        await bot.AskAsync(estonia, "/circulate D1");
        await bot.AskAsync(estonia, "/blue D1 v1");
        await bot.AskAsync(chair, "/vote_open D1 substantive 24h");
        var mark = bot.LastMessageId(chair);
        foreach (var code in Codes)
        {
            await bot.AskAsync(Head(code), "/vote D1 yes");
        }

        var everyone = await bot.ReplyAsync(chair, m => m.MessageId > mark && m.Buttons.Any(b => b.CallbackData!.StartsWith(VotingService.CloseButtonPrefix + ":", StringComparison.Ordinal)));
        Assert.Equal(Catalogue.Text("fr", "Ballots.CloseNow"), everyone.Buttons.Single().Text);

        // The result, heard where the chair opened the vote, is in French too.
        bot.Emulator.PressButton(chair, chair, everyone.MessageId, everyone.Buttons.Single().CallbackData!);
        var result = await bot.VoteResultAsync(chair, "fr", everyone.MessageId);
        Assert.Contains("D1 v1", result.PlainText, StringComparison.Ordinal);
        Assert.Contains("15", result.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Result of the vote", result.PlainText, StringComparison.Ordinal);
    }
}
