using CoordBot.BotApi;
using CoordBot.Domain.Drafts;
using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoordBot.Tests.Guides.GuideKit;

namespace CoordBot.Tests.Guides;

/// <summary>
/// Issue 23 (no dead ends): a button under an object never asks again which object, the question it opens takes the
/// next message as its answer, a bare guided command opens with its first step, a question with nothing to choose is
/// not asked, and an answered question shows its answer and loses its buttons.
/// </summary>
public sealed class NoDeadEndsTests
{
    private static IReadOnlyList<string> Codes => TestCouncil.Codes;

    private static long Head(string code) => TestCouncil.HeadOf(code);

    private static async Task<BotHarness> CouncilAsync()
    {
        var fast = new Dictionary<string, string?> { ["Delivery:PrivatePerSecond"] = "50", ["Delivery:GroupPerMinute"] = "600", ["Delivery:GlobalPerSecond"] = "500" };
        var bot = await BotHarness.StartAsync(fast, new BotApiEmulatorOptions { EnforceLimits = false });
        await TestCouncil.Seed().SeedAsync(bot);

        return bot;
    }

    /// <summary>Presses the button labelled <paramref name="label"/> and waits for the bot's next new message in that chat.</summary>
    private static async Task<SentMessage> TapAsync(BotHarness bot, long user, SentMessage message, string label)
    {
        var button = message.Buttons.SingleOrDefault(b => b.Text == label);
        Assert.True(button.CallbackData is not null, $"No button \"{label}\" on: {message.PlainText}\nButtons: {string.Join(" | ", message.Buttons.Select(b => b.Text))}");
        var last = bot.Emulator.MessagesIn(message.ChatId).Select(m => m.MessageId).DefaultIfEmpty(0).Max();
        bot.Emulator.PressButton(message.ChatId, user, message.MessageId, button.CallbackData!);
        return await bot.ReplyAsync(message.ChatId, m => m.MessageId > last);
    }

    private static async Task<T> ReadAsync<T>(BotHarness bot, Func<CoordBotDb, Task<T>> read)
    {
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        return await read(db);
    }

    private static Task<SentMessage> EditedAsync(BotHarness bot, SentMessage question, Func<SentMessage, bool> predicate) =>
        bot.ReplyAsync(question.ChatId, m => m.MessageId == question.MessageId && m.EditCount > question.EditCount && predicate(m));

    [Fact]
    public async Task The_break_silence_button_asks_the_reason_for_its_draft_and_the_next_message_breaks_silence()
    {
        await using var bot = await CouncilAsync();
        var estonia = Head("EST");
        var france = Head("FRA");
        await bot.AskAsync(estonia, "/draft_new Women, peace and security\nThe Security Council,");
        await bot.AskAsync(estonia, "/circulate D1");
        await bot.AskAsync(estonia, "/silence D1 24");
        var notice = await bot.MessageStartingWithCatalogueAsync(france, "Drafts.Silence.Notice");
        Assert.StartsWith("Silence procedure", notice.PlainText, StringComparison.Ordinal);

        var question = await TapAsync(bot, france, notice, "Break silence");

        Assert.Contains("Why does your delegation break silence on D1?", question.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("<", question.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage", question.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Which draft", question.PlainText, StringComparison.Ordinal);

        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None); // the question has gone
        var done = await bot.AskAsync(france, "Paris needs the word \"ceasefire\".");

        Assert.Equal("You broke silence on D1. It is back under negotiation; every delegation on the circulation list has been told.", done.PlainText);
        Assert.Equal(DraftStatus.Negotiation, await ReadAsync(bot, db => db.Drafts.Select(d => d.Status).SingleAsync()));
        var told = await bot.MessageStartingWithCatalogueAsync(estonia, "Drafts.BreakSilence.Notice");
        Assert.StartsWith("Silence broken", told.PlainText, StringComparison.Ordinal);
        Assert.Contains("Paris needs the word \"ceasefire\".", told.PlainText, StringComparison.Ordinal);
        var answered = await EditedAsync(bot, question, m => m.Buttons.Count == 0);
        Assert.Contains("✓ Paris needs the word \"ceasefire\".", answered.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Emulator.MessagesIn(france), m => CatalogueText.StartsWith("en", "Router.CommandsOnly", m.Text)); // by its entry: a rewording cannot make this pass
    }

    [Fact]
    public async Task The_comment_button_under_a_draft_asks_only_the_comment_and_takes_the_typed_text()
    {
        await using var bot = await CouncilAsync();
        var estonia = Head("EST");
        var france = Head("FRA");
        await bot.AskAsync(estonia, "/draft_new Women, peace and security\nThe Security Council,");
        await bot.AskAsync(estonia, "/circulate D1");
        var copy = await bot.MessageStartingWithCatalogueAsync(france, "Drafts.Circulated");
        Assert.StartsWith("Circulated by Estonia (EST), penholder:", copy.PlainText, StringComparison.Ordinal);

        var question = await TapAsync(bot, france, copy, "Comment");

        Assert.StartsWith("/comment, step 2 of 2: Comment", question.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage", question.PlainText, StringComparison.Ordinal);
        Assert.Equal(["Cancel"], question.Buttons.Select(b => b.Text));
        var summary = await bot.AskAsync(france, "We would prefer a shorter text.");
        Assert.Contains("This sends /comment D1 We would prefer a shorter text.", summary.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("not one of the choices", summary.PlainText, StringComparison.Ordinal);
        bot.Emulator.PressButton(france, france, summary.MessageId, "g:ok");
        Assert.StartsWith("Your comment on D1 v1", (await bot.MessageStartingWithCatalogueAsync(france, "Drafts.Comment.Done")).PlainText, StringComparison.Ordinal);
        Assert.Equal("We would prefer a shorter text.", await ReadAsync(bot, db => db.DraftComments.Select(c => c.Text).SingleAsync()));
    }

    [Fact]
    public async Task Start_silence_under_a_draft_asks_only_how_long()
    {
        await using var bot = await CouncilAsync();
        var estonia = Head("EST");
        await bot.AskAsync(estonia, "/draft_new Women, peace and security\nThe Security Council,");
        var circulated = await bot.AskAsync(estonia, "/circulate D1");

        var hours = await TapAsync(bot, estonia, circulated, "Start silence");

        Assert.StartsWith("/silence, step 2 of 2: Hours", hours.PlainText, StringComparison.Ordinal);
        Assert.Contains("24 h (1 day)", hours.Buttons.Select(b => b.Text));
    }

    [Fact]
    public async Task A_bare_guided_command_opens_with_its_first_step_and_no_usage_line()
    {
        await using var bot = await CouncilAsync();

        var first = await bot.AskAsync(Head("EST"), "/draft_new");

        Assert.StartsWith("/draft_new, step 1 of 2: Title", first.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage", first.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("<", first.PlainText, StringComparison.Ordinal);
        Assert.Contains("you can also type /draft_new with everything on one line", first.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_guide_with_nothing_to_choose_says_what_to_do_instead_and_does_not_start()
    {
        await using var bot = await CouncilAsync();

        var agenda = await bot.AskAsync(BotHarness.OperatorId, "/agenda_add");
        var comment = await bot.AskAsync(Head("FRA"), "/comment");

        Assert.Equal("There is no upcoming session to add an agenda item to. Schedule one first with /schedule.", agenda.PlainText);
        Assert.Empty(agenda.Buttons);
        Assert.Equal("No draft is open for comments now; /drafts shows where each draft stands.", comment.PlainText);
        Assert.Empty(comment.Buttons);
        Assert.Equal(0, await ReadAsync(bot, db => db.Set<CoordBot.Telegram.Guides.GuideState>().CountAsync()));
    }

    [Fact]
    public async Task An_answered_question_shows_its_answer_and_loses_its_buttons_and_a_pressed_choice_is_marked()
    {
        await using var bot = await CouncilAsync();
        var estonia = Head("EST");

        // A person answers once the question has gone (the bot edits a message it knows it sent).
        var delivered = bot.Services.GetRequiredService<DeliveryStatus>();
        var title = await bot.AskAsync(estonia, "/draft_new");
        Assert.Equal(["Cancel"], title.Buttons.Select(b => b.Text));
        await delivered.WhenIdleAsync(CancellationToken.None);
        var text = await bot.AskAsync(estonia, "Press statement on cyber security");
        var answeredTitle = await EditedAsync(bot, title, m => m.Buttons.Count == 0);
        Assert.EndsWith("✓ Press statement on cyber security", answeredTitle.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("next time", answeredTitle.PlainText, StringComparison.Ordinal);

        await delivered.WhenIdleAsync(CancellationToken.None);
        var summary = await bot.AskAsync(estonia, "The Council condemns malicious cyber activities.");
        bot.Emulator.PressButton(estonia, estonia, summary.MessageId, "g:ok");
        Assert.StartsWith("Created D1", (await bot.MessageStartingWithCatalogueAsync(estonia, "Drafts.New.Created")).PlainText, StringComparison.Ordinal);
        var answeredText = await EditedAsync(bot, text, m => m.Buttons.Count == 0);
        Assert.Contains("✓ The Council condemns malicious cyber activities.", answeredText.PlainText, StringComparison.Ordinal);

        // By button: the choice is marked where it was made.
        await bot.AskAsync(estonia, "/circulate D1");
        var which = await bot.AskAsync(BotHarness.OperatorId, "/silence");
        var hours = await PressAsync(bot, BotHarness.OperatorId, which, "D1 Press statement on cyber securi…");
        Assert.Contains("✓ D1 Press statement on cyber securi…", hours.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain(hours.Buttons, b => b.Text.StartsWith("D1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Typed_text_at_a_choice_step_is_answered_with_what_is_expected_without_echoing_it()
    {
        await using var bot = await CouncilAsync();
        var estonia = Head("EST");
        await bot.AskAsync(estonia, "/draft_new Women, peace and security\nThe Security Council,");
        await bot.AskAsync(estonia, "/circulate D1");
        var france = Head("FRA");
        Assert.StartsWith("Circulated by Estonia (EST), penholder:", (await bot.MessageStartingWithCatalogueAsync(france, "Drafts.Circulated")).PlainText, StringComparison.Ordinal);
        await bot.AskAsync(france, "/comment");

        var polite = await bot.AskAsync(france, "We would prefer a shorter text.");

        Assert.Equal("Please choose Draft with one of the buttons above, or write one of: D1.", polite.PlainText);
    }

    [Fact]
    public async Task In_a_group_a_typed_question_is_asked_with_a_selective_force_reply_and_a_reply_to_it_is_the_answer()
    {
        await using var bot = await CouncilAsync();
        var estonia = Head("EST");
        const long group = -100777;
        await bot.LinkGroupAsync("EST", group);
        bot.Send(estonia, "/draft_new", group);

        var title = await bot.MessageWithCatalogueAsync(group, "Guide.Step");
        Assert.Contains("step 1 of 2: Title", title.PlainText, StringComparison.Ordinal);

        Assert.True(title.ForceReplySelective);
        Assert.NotNull(title.ReplyToMessageId); // a reply to the command, so the asked person's client opens the reply
        Assert.Empty(title.Buttons);
        bot.Emulator.SendText(group, estonia, "Chatter that answers nobody");
        bot.Emulator.SendReply(group, estonia, title.MessageId, "Press statement on cyber security");
        var text = await bot.MessageWithCatalogueAsync(group, "Guide.Step", afterMessageId: title.MessageId);
        Assert.Contains("step 2 of 2: Text", text.PlainText, StringComparison.Ordinal);
        Assert.True(text.ForceReplySelective);
        bot.Emulator.SendReply(group, estonia, text.MessageId, "The Council condemns malicious cyber activities.");
        var summary = await bot.MessageWithCatalogueAsync(group, "Guide.ThisSends", afterMessageId: text.MessageId);
        Assert.Contains("This sends /draft_new Press statement on cyber security", summary.PlainText, StringComparison.Ordinal);
        Assert.Contains("Confirm", summary.Buttons.Select(b => b.Text));
    }
}
