using System.Text;
using CoordBot.Domain.Voting;
using CoordBot.Features.Voting;
using static CoordBot.Tests.Ballots.BallotsTestKit;

namespace CoordBot.Tests.Ballots;

/// <summary>Issue 24.3: a veto is meant, never a slip; the last ballot leaves time to correct a mis-tap; the chair may close at once.</summary>
public sealed class VetoAndEarlyCloseTests
{
    private static readonly Dictionary<string, string?> TenMinutesGrace = new() { ["Voting:EarlyCloseGrace"] = "00:10:00" };

    [Fact]
    public async Task A_permanent_members_Against_by_button_is_asked_first_and_only_the_confirmation_counts()
    {
        await using var kit = await StartAsync();
        var bot = kit.Bot;
        await bot.AskAsync(Chair, "/vote_open D3 substantive 24h");
        var china = HeadOf("CHN");
        var ballot = await kit.BallotAsync(china);

        var question = await kit.PressAsync(china, china, ballot, "b:1:n");
        Assert.Equal("This is a veto: D3 will not be adopted. Cast it?", question.PlainText);
        Assert.Equal(["b:1:v", "b:1:x"], question.Buttons.Select(b => b.CallbackData));
        Assert.Empty(await kit.LogAsync());

        // Go back: nothing recorded, the ballot offered again.
        var back = await kit.PressAsync(china, china, question, "b:1:x");
        Assert.StartsWith("Nothing was recorded.", back.PlainText, StringComparison.Ordinal);
        Assert.Equal(["b:1:y", "b:1:n", "b:1:a"], back.Buttons.Select(b => b.CallbackData));
        Assert.Empty(await kit.LogAsync());

        // The question went back for good; Against on the ballot offered again asks anew, and the confirmation casts
        // it, and the log says it was confirmed.
        var asked = await kit.PressAsync(china, china, back, "b:1:n");
        Assert.Equal("This is a veto: D3 will not be adopted. Cast it?", asked.PlainText);
        var receipt = await kit.PressAsync(china, china, asked, "b:1:v");
        Assert.StartsWith("China voted against D3 v4", receipt.PlainText, StringComparison.Ordinal);
        var entry = Assert.Single(await kit.LogAsync());
        Assert.Equal((BallotEntryKind.Cast, VoteChoice.No, BallotButtonHandler.VetoConfirmed), (entry.Kind, entry.Choice, entry.Reason));

        // A typed "no" is explicit: it counts at once. An elected member's Against is no veto: at once too.
        Assert.StartsWith("Russian Federation voted against", (await bot.AskAsync(HeadOf("RUS"), "/vote D3 no")).PlainText, StringComparison.Ordinal);
        var estonia = HeadOf("EST");
        Assert.StartsWith("Estonia voted against", (await kit.PressAsync(estonia, estonia, await kit.BallotAsync(estonia), "b:1:n")).PlainText, StringComparison.Ordinal);
        // In favour by a permanent member is not asked.
        var france = HeadOf("FRA");
        Assert.StartsWith("France voted in favour", (await kit.PressAsync(france, france, await kit.BallotAsync(france), "b:1:y")).PlainText, StringComparison.Ordinal);

        var audit = await bot.AskAsync(HeadOf("BEL"), "/audit D3");
        Assert.Contains("Hash chain: intact", audit.PlainText, StringComparison.Ordinal);
        Assert.Contains("Veto by China confirmed at", audit.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Veto by Russian Federation", audit.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_choice_made_by_button_is_marked_where_it_was_made_and_an_answered_question_loses_its_buttons()
    {
        await using var kit = await StartAsync(TenMinutesGrace);
        await kit.Bot.AskAsync(Chair, "/vote_open D3 substantive 24h");
        var china = HeadOf("CHN");
        var ballot = await kit.BallotAsync(china);

        // Go back answers the veto's question for good: it keeps its text, shows the answer, and loses its buttons.
        var question = await kit.PressAsync(china, china, ballot, "b:1:n");
        var back = await kit.PressAsync(china, china, question, "b:1:x");
        var answered = await kit.EditedAsync(question, m => m.Buttons.Count == 0);
        Assert.Equal("This is a veto: D3 will not be adopted. Cast it?\n✓ Go back", answered.PlainText);

        // A ballot may still change while the vote is open: its buttons stay, the choice marked where it was made.
        await kit.PressAsync(china, china, back, "b:1:y");
        var marked = await kit.EditedAsync(back, m => m.Buttons.Any(b => b.Text.StartsWith('✓')));
        Assert.Equal(["✓ In favour", "Against", "Abstain"], marked.Buttons.Select(b => b.Text));
        Assert.Equal(["b:1:y", "b:1:n", "b:1:a"], marked.Buttons.Select(b => b.CallbackData));

        // A change of mind moves the mark.
        await kit.PressAsync(china, china, marked, "b:1:a");
        var moved = await kit.EditedAsync(marked, m => m.Buttons.Any(b => b.CallbackData == "b:1:a" && b.Text.StartsWith('✓')));
        Assert.Equal(["In favour", "Against", "✓ Abstain"], moved.Buttons.Select(b => b.Text));

        // Cast veto answers its question too.
        var again = await kit.PressAsync(china, china, moved, "b:1:n");
        await kit.PressAsync(china, china, again, "b:1:v");
        Assert.EndsWith("✓ Cast veto", (await kit.EditedAsync(again, m => m.Buttons.Count == 0)).PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_procedural_matter_a_permanent_members_Against_counts_at_once()
    {
        await using var kit = await StartAsync();
        await kit.Bot.AskAsync(Chair, "/vote_open D3 procedural");
        var china = HeadOf("CHN");
        var receipt = await kit.PressAsync(china, china, await kit.BallotAsync(china), "b:1:n");
        Assert.StartsWith("China voted against D3 v4", receipt.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_grace_the_last_ballot_leaves_the_vote_open_a_mis_tap_is_corrected_and_it_closes_when_the_grace_passes_with_no_change()
    {
        await using var kit = await StartAsync(TenMinutesGrace);
        var bot = kit.Bot;
        await bot.AskAsync(Chair, "/vote_open D3 substantive 24h");
        await kit.EveryoneVotesYesExceptAsync("EST");
        await bot.AskAsync(HeadOf("EST"), "/vote D3 no");

        // Everyone has voted: the chair is told, with a button to close at once; the vote stays open.
        var told = await bot.MessageStartingWithCatalogueAsync(Chair, "Ballots.EveryoneVoted");
        Assert.StartsWith("Every delegation has voted on D3 v4", told.PlainText, StringComparison.Ordinal);
        Assert.Contains("12:10 UTC", told.PlainText, StringComparison.Ordinal);
        Assert.Equal(["bc:1"], told.Buttons.Select(b => b.CallbackData));
        Assert.True((await kit.VoteAsync()).IsOpen);

        // Estonia corrects its mis-tap five minutes later: the grace starts again from the change.
        kit.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.StartsWith("Estonia voted in favour", (await bot.AskAsync(HeadOf("EST"), "/vote D3 yes")).PlainText, StringComparison.Ordinal);
        kit.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(VoteClosing.NotDue, await CoordBot.Tests.Voting.VotingTestKit.RunCloseAsync(bot, 1));
        Assert.True((await kit.VoteAsync()).IsOpen);

        // Ten minutes after the change, the real scheduler closes it.
        kit.Clock.Advance(TimeSpan.FromMinutes(5));
        var result = await bot.VoteResultAsync(GroupOf("USA"));
        Assert.Contains("In favour (15)", result.PlainText, StringComparison.Ordinal);
        Assert.Equal(T0.UtcDateTime.AddMinutes(16), (await kit.VoteAsync()).ClosedAt);

        var log = await kit.LogAsync();
        var closed = log[^1];
        Assert.Equal((BallotEntryKind.Closed, "-", 0L), (closed.Kind, closed.DelegationCode, closed.UserId));
        var audit = await bot.AskAsync(HeadOf("BEL"), "/audit D3");
        Assert.Contains("Hash chain: intact", audit.PlainText, StringComparison.Ordinal);
        Assert.Contains("Closed before the deadline at", audit.PlainText, StringComparison.Ordinal);
        Assert.Contains("no vote changed during the grace period", audit.PlainText, StringComparison.Ordinal);
        Assert.Contains("matches the recorded votes (15 delegations)", audit.PlainText, StringComparison.Ordinal);

        bot.Send(HeadOf("BEL"), "/record D3");
        var record = Encoding.UTF8.GetString((await bot.ReplyAsync(HeadOf("BEL"), m => m.DocumentName == "D3-v4-vote-record.txt")).DocumentContent!);
        Assert.Contains("closed early", record, StringComparison.Ordinal);
        Assert.Contains("Estonia: in favour", record, StringComparison.Ordinal);

        // The chain still verifies after a restart.
        await bot.RestartHostAsync();
        Assert.Contains("Hash chain: intact", (await bot.AskAsync(HeadOf("BEL"), "/audit D3")).PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chair_closes_at_once_with_the_button_only_once_everyone_has_voted()
    {
        await using var kit = await StartAsync(TenMinutesGrace);
        var bot = kit.Bot;
        var opened = await bot.AskAsync(Chair, "/vote_open D3");
        await kit.EveryoneVotesYesExceptAsync("EST");

        // Too soon: not everyone has voted. A head who is not the chair is refused. Nothing closes.
        var early = await kit.ForgeAsync(Chair, Chair, opened, "bc:1");
        Assert.StartsWith("Not every delegation has voted on D3 yet", early.PlainText, StringComparison.Ordinal);
        await bot.AskAsync(HeadOf("EST"), "/vote D3 abstain");
        var told = await bot.MessageStartingWithCatalogueAsync(Chair, "Ballots.EveryoneVoted");
        Assert.StartsWith("Every delegation has voted", told.PlainText, StringComparison.Ordinal);
        var president = await CoordBot.Tests.Voting.VotingTestKit.PresidentAsync(bot);
        var belgium = HeadOf(Codes.First(c => c != president));
        var refused = await kit.ForgeAsync(belgium, belgium, await kit.BallotAsync(belgium), "bc:1");
        Assert.Contains("Only the president of the council this month", refused.PlainText, StringComparison.Ordinal);
        Assert.True((await kit.VoteAsync()).IsOpen);

        bot.Emulator.PressButton(Chair, Chair, told.MessageId, "bc:1");
        var result = await bot.VoteResultAsync(GroupOf("USA"));
        Assert.Contains("ADOPTED", result.PlainText, StringComparison.Ordinal);
        Assert.Equal(T0.UtcDateTime, (await kit.VoteAsync()).ClosedAt);
        var closed = (await kit.LogAsync())[^1];
        Assert.Equal((BallotEntryKind.Closed, Chair), (closed.Kind, closed.UserId));
        Assert.Contains($"by the chair (user {Chair})", (await bot.AskAsync(belgium, "/audit D3")).PlainText, StringComparison.Ordinal);

        // The button, once pressed, is answered for good; the chair, who opened the vote in this chat, hears the result
        // here too (issue 23, item 8); a stale press (an old copy of the button): already closed.
        Assert.EndsWith("✓ Close the vote now", (await kit.EditedAsync(told, m => m.Buttons.Count == 0)).PlainText, StringComparison.Ordinal);
        Assert.StartsWith("Result of the vote", (await bot.VoteResultAsync(Chair)).PlainText, StringComparison.Ordinal);
        Assert.StartsWith("Voting on D3 has already closed", (await kit.ForgeAsync(Chair, Chair, told, "bc:1")).PlainText, StringComparison.Ordinal);
    }
}
