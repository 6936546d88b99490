using CoordBot.BotApi;
using CoordBot.Domain.Council;
using CoordBot.Domain.Membership;
using CoordBot.Tests.Support;

namespace CoordBot.Tests.Voting;

/// <summary>The African Union's Peace and Security Council preset (issue 25): consensus sought first, then two thirds on substance.</summary>
public sealed class ConsensusFirstVoteTests
{
    [Fact]
    public async Task Without_consensus_a_substantive_draft_of_the_Peace_and_Security_Council_passes_by_two_thirds_and_the_result_says_so()
    {
        var preset = Path.Combine(AppContext.BaseDirectory, "Council", "au-peace-and-security-council.json");
        var settings = new Dictionary<string, string?>
        {
            ["Council:File"] = preset,
            ["Delivery:PrivatePerSecond"] = "50",
            ["Delivery:GroupPerMinute"] = "600",
            ["Delivery:GlobalPerSecond"] = "500",
        };
        await using var bot = await BotHarness.StartAsync(settings, new BotApiEmulatorOptions { EnforceLimits = false });
        var codes = CouncilDefinition.Parse(File.ReadAllText(preset)).Value.Members.Select(m => m.Code).ToList();
        long Head(string code) => 8000 + codes.IndexOf(code);
        foreach (var code in codes)
        {
            await bot.SeedMemberAsync(Head(code), code, DelegationRole.Head, $"Head of {code}");
        }

        var penholder = Head("AGO");
        await bot.AskAsync(penholder, "/draft_new Communiqué on the situation in the Sahel\nThe Council renews the mandate of the mission.");
        await bot.AskAsync(penholder, "/circulate D1");
        await bot.AskAsync(penholder, "/blue D1");
        Assert.Contains("Voting opened on D1", (await bot.AskAsync(BotHarness.OperatorId, "/vote_open D1 substantive 24h")).PlainText, StringComparison.Ordinal);
        // The ballot states the rule of this body.
        Assert.Contains("consensus first; failing it, two thirds of those present and voting", (await bot.MessageWithCatalogueAsync(Head("GHA"), "Ballots.Rule.ConsensusFirst.Substantive")).PlainText, StringComparison.Ordinal);

        foreach (var code in codes)
        {
            await bot.AskAsync(Head(code), code is "EGY" or "MAR" ? "/vote D1 no" : "/vote D1 yes");
        }

        var result = await bot.MessageWithCatalogueAsync(penholder, "Voting.ResultHeading.Substantive");
        Assert.Contains("ADOPTED: no consensus (objections from Egypt, Morocco), then 13 in favour, 2 against (two thirds of those present and voting: 10 of 15)", result.PlainText, StringComparison.Ordinal);
    }
}
