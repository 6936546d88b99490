using CoordBot.Telegram.Delivery;
using Microsoft.Extensions.DependencyInjection;
using static CoordBot.Tests.Voting.VotingTestKit;

namespace CoordBot.Tests.Voting;

/// <summary>Issue 14: the ballots received so far update the tally a person asked for, in place.</summary>
public sealed class TallyInPlaceTests
{
    [Fact]
    public async Task A_tally_shown_is_edited_as_ballots_arrive_instead_of_being_repeated()
    {
        var (bot, _, _) = await StartAsync();
        await using var _ = bot;
        await bot.AskAsync(Chair, "/vote_open D3 1h");
        var estonia = HeadOf("EST");
        bot.Send(estonia, "/tally D3");
        var tally = await bot.MessageStartingWithCatalogueAsync(estonia, "Voting.TallyHeading");
        Assert.Contains("0 of 15 delegations have voted", tally.PlainText, StringComparison.Ordinal);
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);

        bot.Send(HeadOf("FRA"), "/vote D3 yes");
        var edited = await bot.EditedAsync(estonia, tally.MessageId, m => m.EditCount > 0);
        Assert.Contains("1 of 15 delegations have voted", edited.PlainText, StringComparison.Ordinal);

        Assert.Equal(1, edited.EditCount);
        Assert.Single(bot.Emulator.MessagesIn(estonia), m => m.PlainText!.Contains("delegations have voted", StringComparison.Ordinal));
    }
}
