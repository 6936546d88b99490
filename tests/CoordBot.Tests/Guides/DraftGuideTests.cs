using CoordBot.BotApi;
using CoordBot.Domain.Council;
using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Persistence;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoordBot.Tests.Guides.GuideKit;

namespace CoordBot.Tests.Guides;

/// <summary>The draft and vote guides through the emulator: a penholder drafts, a delegation comments, the chair opens the vote, all by guided steps.</summary>
public sealed class DraftGuideTests
{
    private static long HeadOf(List<string> codes, string code) => codes.Contains(code) ? TestCouncil.HeadOf(code) : throw new ArgumentException(code);

    private static async Task<(BotHarness Bot, List<string> Codes)> CouncilAsync()
    {
        var fast = new Dictionary<string, string?> { ["Delivery:PrivatePerSecond"] = "50", ["Delivery:GroupPerMinute"] = "600", ["Delivery:GlobalPerSecond"] = "500" };
        var bot = await BotHarness.StartAsync(fast, new BotApiEmulatorOptions { EnforceLimits = false });
        await TestCouncil.Seed().SeedAsync(bot);
        return (bot, TestCouncil.Codes.ToList());
    }

    /// <summary>Sends <paramref name="text"/> and waits for the guide's next question or summary (ballots and notices may arrive too).</summary>
    /// <summary>Sends <paramref name="text"/> and waits for the answer holding the catalogue entry <paramref name="key"/>, which must say <paramref name="expected"/> in English.</summary>
    private static async Task<SentMessage> AnswerAsync(BotHarness bot, long user, string text, string key, string expected)
    {
        var answer = await bot.AskWithCatalogueAsync(user, text, key);
        Assert.Contains(expected, answer.PlainText, StringComparison.Ordinal);
        return answer;
    }

    [Fact]
    public async Task A_penholder_drafts_and_a_delegation_comments_by_guided_steps_and_the_chair_opens_the_vote_by_buttons()
    {
        var (bot, codes) = await CouncilAsync();
        await using var _ = bot;
        var estonia = HeadOf(codes, "EST");
        var france = HeadOf(codes, "FRA");

        await AnswerAsync(bot, estonia, "/draft_new", "Guide.Step", "step 1 of 2: Title");
        await AnswerAsync(bot, estonia, "Press statement on cyber security", "Guide.Step", "step 2 of 2: Text");
        var summary = await AnswerAsync(bot, estonia, "The Council condemns malicious cyber activities.\n\nIt calls on all States to cooperate.", "Guide.Check", "Please check, then confirm");
        bot.Emulator.PressButton(estonia, estonia, summary.MessageId, "g:ok");
        Assert.StartsWith("Created D1", (await bot.MessageStartingWithCatalogueAsync(estonia, "Drafts.New.Created")).PlainText, StringComparison.Ordinal);
        await using (var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None))
        {
            Assert.Equal("The Council condemns malicious cyber activities.\n\nIt calls on all States to cooperate.", (await db.DraftVersions.SingleAsync()).Text);
        }

        var none = await AnswerAsync(bot, france, "/comment", "Guidance.NoDraftForComment", "No draft is open for comments now");
        Assert.Empty(none.Buttons); // not circulated to France yet: nothing to offer, so no question is asked
        await bot.AskAsync(estonia, "/circulate D1");

        var which = await AnswerAsync(bot, france, "/comment", "Guide.Step", "step 1 of 2: Draft");
        var text = await PressAsync(bot, france, which, "D1 Press statement on cyber securi…");
        Assert.Contains("step 2 of 2: Comment", text.PlainText, StringComparison.Ordinal);
        var check = await AnswerAsync(bot, france, "§2 Add \"in accordance with international law\".\nSecond line.", "Guide.Check", "Please check, then confirm");
        bot.Emulator.PressButton(france, france, check.MessageId, "g:ok");
        Assert.StartsWith("Your comment on D1 v1 §2 is recorded", (await bot.MessageStartingWithCatalogueAsync(france, "Drafts.Comment.Done")).PlainText, StringComparison.Ordinal);
        await using (var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None))
        {
            var comment = await db.DraftComments.SingleAsync();
            Assert.Equal(2, comment.Paragraph);
            Assert.Contains("Second line.", comment.Text, StringComparison.Ordinal);
        }

        await bot.AskAsync(estonia, "/blue D1");
        var draft = await bot.AskAsync(BotHarness.OperatorId, "/vote_open");
        var matter = await PressAsync(bot, BotHarness.OperatorId, draft, "D1 Press statement on cyber securi…");
        var hours = await PressAsync(bot, BotHarness.OperatorId, matter, "substantive");
        Assert.Equal(["2 h", "6 h", "12 h", "24 h (1 day)", "48 h (2 days)", "72 h (3 days)", "Cancel"], hours.Buttons.Select(b => b.Text));
        var confirm = await PressAsync(bot, BotHarness.OperatorId, hours, "48 h (2 days)");
        Assert.Contains("This sends /vote_open D1 substantive 48h", confirm.PlainText, StringComparison.Ordinal);
        bot.Emulator.PressButton(BotHarness.OperatorId, BotHarness.OperatorId, confirm.MessageId, "g:ok");
        Assert.Contains("Voting opened on D1 v1", (await bot.MessageWithCatalogueAsync(BotHarness.OperatorId, "Voting.Opened")).PlainText, StringComparison.Ordinal);
        await using (var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None))
        {
            Assert.Equal(DraftStatus.Voting, (await db.Drafts.SingleAsync()).Status);
        }
    }

    [Fact]
    public async Task The_chair_may_put_any_circulated_draft_under_silence_and_an_adviser_may_not_open_a_vote()
    {
        var (bot, codes) = await CouncilAsync();
        await using var _ = bot;
        var estonia = HeadOf(codes, "EST");
        await bot.AskAsync(estonia, "/draft_new Women, peace and security\nThe Security Council,");
        await bot.AskAsync(estonia, "/circulate D1");

        var which = await bot.AskAsync(BotHarness.OperatorId, "/silence");
        var hours = await PressAsync(bot, BotHarness.OperatorId, which, "D1 Women, peace and security");
        var wrong = await AnswerAsync(bot, BotHarness.OperatorId, "NaN", "Deadlines.Guide.WhenRefused", "Please tap a button");
        Assert.Equal("Please tap a button, or write a whole number of hours from 1 to 720, or a day and a time still to come (tomorrow 12:00 New York).", wrong.PlainText);
        var summary = await AnswerAsync(bot, BotHarness.OperatorId, "36", "Guide.ThisSends", "This sends /silence D1 36");
        Assert.Contains("Hours: 36", summary.PlainText, StringComparison.Ordinal);
        Assert.Contains("step 2 of 2: Hours", hours.PlainText, StringComparison.Ordinal);

        await bot.SeedMemberAsync(9001, "EST", DelegationRole.Adviser);
        var refused = await bot.AskAsync(9001, "/vote_open");
        Assert.StartsWith("Only the president of the council", refused.PlainText, StringComparison.Ordinal);
    }
}
