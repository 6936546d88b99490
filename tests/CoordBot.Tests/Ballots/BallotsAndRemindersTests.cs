using static CoordBot.Tests.Ballots.BallotsTestKit;

namespace CoordBot.Tests.Ballots;

/// <summary>Issue 23.9: ballots are not followed by a notice that reads as if someone else held them; reminders carry the ballot; the tally leads with who is missing.</summary>
public sealed class BallotsAndRemindersTests
{
    [Fact]
    public async Task A_heads_ballot_is_not_followed_in_the_same_chat_by_the_notice_meant_for_the_rest_of_the_delegation()
    {
        // Estonia has no linked group: its members hear of the vote privately.
        await using var kit = await StartAsync(withoutGroups: ["EST"], advisers: true);
        var bot = kit.Bot;
        await bot.AskAsync(Chair, "/vote_open D3");

        var head = HeadOf("EST");
        await kit.BallotAsync(head);
        Assert.StartsWith("Voting has started", (await bot.MessageStartingWithCatalogueAsync(AdviserOf("EST"), "Voting.Started")).PlainText, StringComparison.Ordinal);
        Assert.StartsWith("Voting has started", (await bot.MessageStartingWithCatalogueAsync(GroupOf("FRA"), "Voting.Started")).PlainText, StringComparison.Ordinal);
        // By then the head's private chat has had everything the opening sent it: the ballot alone.
        var messages = bot.Emulator.MessagesIn(head);
        Assert.Single(messages);
        Assert.DoesNotContain(messages, m => m.PlainText!.Contains("private ballots", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Remind_reaches_those_who_have_not_voted_with_their_ballot_buttons_wherever_it_goes()
    {
        await using var kit = await StartAsync(withoutGroups: ["EST"], advisers: true);
        var bot = kit.Bot;
        await bot.AskAsync(Chair, "/vote_open D3");
        await kit.EveryoneVotesYesExceptAsync("EST", "FRA");

        var reminded = await bot.AskAsync(Chair, "/remind D3");
        Assert.Contains("Estonia", reminded.PlainText, StringComparison.Ordinal);

        var group = await kit.ReminderAsync(GroupOf("FRA"));
        Assert.StartsWith("Reminder", group.PlainText, StringComparison.Ordinal);
        Assert.Equal(["b:1:y", "b:1:n", "b:1:a"], group.Buttons.Select(b => b.CallbackData));
        var head = await kit.ReminderAsync(HeadOf("EST"));
        Assert.StartsWith("Reminder", head.PlainText, StringComparison.Ordinal);
        Assert.Equal(["b:1:y", "b:1:n", "b:1:a"], head.Buttons.Select(b => b.CallbackData));
        Assert.StartsWith("Reminder", (await kit.ReminderAsync(AdviserOf("EST"))).PlainText, StringComparison.Ordinal);
        Assert.Single(bot.Emulator.MessagesIn(HeadOf("EST")), IsReminder);

        // The head of France votes from the button in the group.
        var pressed = await kit.PressAsync(GroupOf("FRA"), HeadOf("FRA"), group, "b:1:y");
        Assert.StartsWith("France voted in favour of D3 v4", pressed.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tally_lists_those_who_have_not_voted_first_and_offers_the_chair_a_reminder_button()
    {
        await using var kit = await StartAsync();
        var bot = kit.Bot;
        await bot.AskAsync(Chair, "/vote_open D3");
        await kit.EveryoneVotesYesExceptAsync("EST", "VNM");

        var tally = await bot.AskAsync(Chair, "/tally D3");
        var lines = tally.PlainText!.Split('\n');
        Assert.Equal(["Estonia: not yet", "Viet Nam: not yet", "Belgium: voted"], lines[1..4]);
        var button = Assert.Single(tally.Buttons);
        Assert.Equal(("Remind those who have not voted", "r:remind D3"), button);

        // A head who is not the chair sees no button.
        var president = await CoordBot.Tests.Voting.VotingTestKit.PresidentAsync(bot);
        var other = HeadOf(Codes.First(c => c != president && c != "EST"));
        Assert.Empty((await bot.AskAsync(other, "/tally D3")).Buttons);

        var reminded = await kit.PressAsync(Chair, Chair, tally, "r:remind D3");
        Assert.Contains("Reminded 2 delegations: Estonia, Viet Nam.", reminded.PlainText, StringComparison.Ordinal);
        Assert.StartsWith("Reminder", (await kit.ReminderAsync(GroupOf("VNM"))).PlainText, StringComparison.Ordinal);
    }
}
