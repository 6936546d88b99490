using static CoordBot.Tests.Ballots.BallotsTestKit;

namespace CoordBot.Tests.Ballots;

/// <summary>Issue 23: <c>/vote</c> without a choice leads to the delegation's ballot, never to a usage line.</summary>
public sealed class BallotOnRequestTests
{
    [Fact]
    public async Task A_bare_vote_offers_the_open_votes_and_a_tap_or_a_draft_id_shows_the_delegations_ballot_with_its_buttons()
    {
        await using var kit = await StartAsync();
        var bot = kit.Bot;
        var estonia = HeadOf("EST");

        // No vote open: one sentence saying so, not a usage line nor a question with nothing to choose.
        var none = await bot.AskAsync(estonia, "/vote");
        Assert.StartsWith("No vote is open for your delegation now.", none.PlainText, StringComparison.Ordinal);
        Assert.Empty(none.Buttons);

        await bot.AskAsync(Chair, "/vote_open D3 substantive 24h");
        await kit.BallotAsync(estonia);
        var question = await bot.AskAsync(estonia, "/vote");
        Assert.Contains("Which vote?", question.PlainText, StringComparison.Ordinal);
        Assert.Equal(["g:0:D3", "g:cancel"], question.Buttons.Select(b => b.CallbackData));

        var shown = await kit.PressAsync(estonia, estonia, question, "g:0:D3");
        Assert.StartsWith("Your delegation's ballot on D3 v4", shown.PlainText, StringComparison.Ordinal);
        Assert.Equal(["b:1:y", "b:1:n", "b:1:a"], shown.Buttons.Select(b => b.CallbackData));

        // Typed with the draft and no choice: the same ballot, whose buttons cast it.
        var typed = await bot.AskAsync(estonia, "/vote D3");
        Assert.StartsWith("Your delegation's ballot on D3 v4", typed.PlainText, StringComparison.Ordinal);
        var receipt = await kit.PressAsync(estonia, estonia, typed, "b:1:y");
        Assert.StartsWith("Estonia voted in favour of D3 v4", receipt.PlainText, StringComparison.Ordinal);

        // A permanent member's Against from the ballot shown on request is asked first, like every ballot's.
        var china = HeadOf("CHN");
        var chinas = await bot.AskAsync(china, "/vote D3");
        Assert.Equal("This is a veto: D3 will not be adopted. Cast it?", (await kit.PressAsync(china, china, chinas, "b:1:n")).PlainText);
    }
}
