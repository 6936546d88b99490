using CoordBot.Domain.Voting;
using CoordBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoordBot.Tests.Ballots.BallotsTestKit;

namespace CoordBot.Tests.Ballots;

/// <summary>
/// Issue 26.4: the ballot buttons and /vote declare the rule that decides who votes, and the gate asks it. Someone it
/// refuses hears what they always heard, nothing is counted, and the attempt is still logged in the vote's chain.
/// </summary>
public sealed class BallotGateTests
{
    private const string NotAVoter = "Not recorded: only the head or the deputy of a voting delegation may vote.";

    [Fact]
    public async Task An_advisers_ballot_typed_or_forged_on_a_button_is_refused_in_the_same_words_and_logged_as_evidence()
    {
        await using var kit = await StartAsync(advisers: true);
        var bot = kit.Bot;
        await bot.AskAsync(Chair, "/vote_open D3 substantive 24h");
        var head = HeadOf("EST");
        var adviser = AdviserOf("EST");
        var ballot = await kit.BallotAsync(head);

        Assert.Equal(NotAVoter, (await bot.AskAsync(adviser, "/vote D3 yes")).PlainText);
        Assert.Equal(NotAVoter, (await kit.ForgeAsync(adviser, adviser, ballot, "b:1:n")).PlainText);
        // A forged press has no query Telegram knows (the emulator refuses its answer): the answer is read from the outbox.
        await using (var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None))
        {
            Assert.Equal("Not recorded: see the message.", await db.OutboxMessages.Where(m => m.Kind == OutboxKind.AnswerCallback).Select(m => m.Text).SingleAsync());
        }

        var log = await kit.LogAsync();
        Assert.Equal(2, log.Count);
        Assert.All(log, e => Assert.Equal((BallotEntryKind.Refused, "EST"), (e.Kind, e.DelegationCode)));
        Assert.Equal([VoteChoice.Yes, VoteChoice.No], log.Select(e => e.Choice));

        // The head's ballot is untouched by the attempts, and still counts.
        Assert.StartsWith("Estonia voted in favour", (await kit.PressAsync(head, head, ballot, "b:1:y")).PlainText, StringComparison.Ordinal);
        Assert.Contains("Hash chain: intact", (await bot.AskAsync(head, "/audit D3")).PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_offers_vote_to_heads_and_deputies_only()
    {
        await using var kit = await StartAsync(advisers: true);
        var bot = kit.Bot;

        Assert.Contains("/vote D<n>", (await bot.AskAsync(HeadOf("EST"), "/help votes")).PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("/vote D<n>", (await bot.AskAsync(AdviserOf("EST"), "/help votes")).PlainText, StringComparison.Ordinal);
    }
}
