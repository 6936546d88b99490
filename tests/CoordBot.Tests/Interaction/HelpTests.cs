using static CoordBot.Tests.Sessions.SessionsTestKit;

namespace CoordBot.Tests.Interaction;

/// <summary>Issue 23 item 12: /help grouped by task, a button per group, one command's form and example, in the reader's language.</summary>
public sealed class HelpTests
{
    [Fact]
    public async Task Help_is_one_short_message_of_groups_each_opened_by_its_button()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;

        var before = bot.Emulator.MessagesIn(Chair).Count;
        var help = await bot.AskAsync(Chair, "/help");
        Assert.Equal(before + 1, bot.Emulator.MessagesIn(Chair).Count); // one message, not a wall split in two
        Assert.True(help.PlainText!.Length < 1500, $"/help is {help.PlainText.Length} characters");
        Assert.StartsWith("Commands you can use\nSessions: /cancel", help.PlainText, StringComparison.Ordinal);
        Assert.Contains("\nVotes: ", help.PlainText, StringComparison.Ordinal);
        Assert.Equal(
            ["r:help sessions", "r:help agenda", "r:help drafts", "r:help votes", "r:help delegation", "r:help operations"],
            help.Buttons.Select(b => b.CallbackData));

        bot.Emulator.PressButton(Chair, Chair, help.MessageId, "r:help votes");
        var votes = await bot.ReplyAsync(Chair, m => m.MessageId > help.MessageId);
        Assert.StartsWith("Votes\n", votes.PlainText, StringComparison.Ordinal);
        Assert.Contains("/vote_open D<n>", votes.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("/schedule", votes.PlainText, StringComparison.Ordinal);
        Assert.Equal(["r:help"], votes.Buttons.Select(b => b.CallbackData));
    }

    [Fact]
    public async Task Help_offers_each_reader_only_the_groups_and_commands_they_may_use()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;

        var adviser = await bot.AskAsync(EstAdviser, "/help");
        Assert.DoesNotContain("r:help operations", adviser.Buttons.Select(b => b.CallbackData));
        Assert.DoesNotContain("/schedule", adviser.PlainText, StringComparison.Ordinal);
        var sessions = await bot.AskAsync(EstAdviser, "/help sessions");
        Assert.DoesNotContain("/schedule", sessions.PlainText, StringComparison.Ordinal);
        Assert.Contains("/sessions", sessions.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_with_a_command_gives_its_form_and_an_example_and_says_when_it_is_not_for_the_reader()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;

        var schedule = await bot.AskAsync(Chair, "/help /schedule");
        var lines = schedule.PlainText!.Split('\n');
        Assert.StartsWith("/schedule <yyyy-mm-dd> <HH:mm>", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Example: /schedule ", lines[1], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);

        var refused = await bot.AskAsync(EstAdviser, "/help schedule");
        Assert.StartsWith("Not for you here: ", refused.PlainText!.Split('\n')[^1], StringComparison.Ordinal);

        var unknown = await bot.AskAsync(EstAdviser, "/help frobnicate");
        Assert.Equal("There is no command or group called frobnicate. Send /help to see the groups and their commands.", unknown.PlainText);
    }

    [Fact]
    public async Task Help_is_written_in_the_readers_language()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        await bot.AskAsync(EstAdviser, "/language fr");

        var help = await bot.AskAsync(EstAdviser, "/help");
        Assert.Contains("Séances : ", help.PlainText, StringComparison.Ordinal);
        Assert.Contains(help.Buttons, b => b.Text == "Ordre du jour" && b.CallbackData == "r:help agenda");
        Assert.EndsWith("ou envoyez /help <commande> pour une commande avec un exemple.", help.PlainText, StringComparison.Ordinal);
    }
}
