using CoordBot.BotApi;
using CoordBot.Domain.Council;
using CoordBot.Domain.Membership;
using CoordBot.Telegram.Delivery;
using CoordBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoordBot.Tests.Voting;

/// <summary>The whole path through the real drafts feature: a text put in blue, locked by the vote, then decided.</summary>
public sealed class DraftToVoteTests
{
    [Fact]
    public async Task A_draft_in_blue_is_locked_while_voting_and_adopted_when_all_have_voted()
    {
        var fast = new Dictionary<string, string?> { ["Delivery:PrivatePerSecond"] = "50", ["Delivery:GroupPerMinute"] = "600", ["Delivery:GlobalPerSecond"] = "500" };
        await using var bot = await BotHarness.StartAsync(fast, new BotApiEmulatorOptions { EnforceLimits = false });
        await TestCouncil.Seed().SeedAsync(bot);
        var estonia = TestCouncil.HeadOf("EST");
        await bot.AskAsync(estonia, "/draft_new Press statement on cyber security\nThe Council condemns malicious cyber activities.");
        await bot.AskAsync(estonia, "/circulate D1");
        var blue = await bot.AskAsync(estonia, "/blue D1");
        Assert.Contains("in blue", blue.PlainText, StringComparison.OrdinalIgnoreCase);

        var opened = await bot.AskAsync(BotHarness.OperatorId, "/vote_open D1 substantive 24h");
        Assert.Contains("Voting opened on D1 v1", opened.PlainText, StringComparison.Ordinal);
        // Ballots and notices reach Estonia's chat too: once they have all gone, the next message is the answer.
        var delivered = bot.Services.GetRequiredService<DeliveryStatus>();
        await delivered.WhenIdleAsync(CancellationToken.None);
        var withdraw = await bot.AskAsync(estonia, "/withdraw D1");
        Assert.Contains("voting", withdraw.PlainText, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("cannot be withdrawn", withdraw.PlainText, StringComparison.Ordinal);
        await delivered.WhenIdleAsync(CancellationToken.None);
        Assert.Contains("its text can no longer change", (await bot.AskAsync(estonia, "/revise D1\nA different text.")).PlainText, StringComparison.Ordinal);

        foreach (var code in TestCouncil.Codes)
        {
            await bot.AskAsync(TestCouncil.HeadOf(code), "/vote D1 yes");
        }

        var result = await bot.MessageWithCatalogueAsync(estonia, "Voting.ResultHeading.Substantive");
        Assert.StartsWith("Result of the vote on D1 v1", result.PlainText, StringComparison.Ordinal);
        Assert.Contains("ADOPTED: 15 in favour", result.PlainText, StringComparison.Ordinal);
        var drafts = await bot.AskAsync(estonia, "/drafts");
        Assert.Contains("adopted", drafts.PlainText, StringComparison.OrdinalIgnoreCase);
    }
}
