using CoordBot.BotApi;
using CoordBot.Domain.Membership;
using CoordBot.Telegram.Delivery;
using CoordBot.Tests.Drafts;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CoordBot.Tests.Guides.GuideKit;

namespace CoordBot.Tests.Bodies;

/// <summary>
/// The guided <c>/silence</c> in a body under the no-objection procedure (issue 25): the deadline step offers working days
/// beside hours, and its answer is counted over the weekend exactly as <c>/silence D&lt;n&gt; 5wd</c> typed; the Council's
/// guide beside it asks and offers as it always did. The operator, in both bodies, runs the Committee's guide from a private
/// chat: every answer (a typed draft, a button, Confirm) acts in the body the guide started in.
/// </summary>
public sealed class NoObjectionGuideTests
{
    private const long EstHead = 7201; // the Council only
    private const long UsaHead = 7202; // the Committee only

    // A Monday, 10:00 in New York; five working days later is the next Monday, not the Saturday.
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);

    private static readonly string[] HourLabels = ["2 h", "6 h", "12 h", "24 h (1 day)", "48 h (2 days)", "72 h (3 days)", "96 h (4 days)", "Cancel"];

    [Fact]
    public async Task A_committee_s_guided_silence_offers_working_days_and_counts_them_over_the_weekend_as_the_typed_5wd()
    {
        using var directory = new TempDirectory();
        var clock = new FakeTimeProvider(Monday);
        var settings = new Dictionary<string, string?>
        {
            ["Bodies:0:File"] = BodyFiles.Write(directory, "unsc", "Council", "Security Council"),
            ["Bodies:1:File"] = Path.Combine(AppContext.BaseDirectory, "Council", "committee-1718-2026.json"),
            ["Delivery:PrivatePerSecond"] = "50",
            ["Delivery:GroupPerMinute"] = "600",
            ["Delivery:GlobalPerSecond"] = "500",
        };
        await using var bot = await BotHarness.StartAsync(settings, new BotApiEmulatorOptions { EnforceLimits = false }, configure: s => s.AddSingleton<TimeProvider>(clock));
        await bot.SeedMemberAsync(EstHead, "EST", DelegationRole.Head, "Head of EST", timeZone: null, bodyId: 1);
        await bot.SeedMemberAsync(UsaHead, "USA", DelegationRole.Head, "Head of USA", timeZone: null, bodyId: 2);
        var chair = BotHarness.OperatorId;

        Assert.Contains("Created D1", (await bot.AskAsync(UsaHead, "/draft_new Exemption request 2026/7\nThe Committee approves the exemption request.")).PlainText, StringComparison.Ordinal);
        await bot.AskAsync(UsaHead, "/circulate D1");
        Assert.Contains("Created D2", (await bot.AskAsync(EstHead, "/draft_new Council text on Haiti\nThe Security Council,")).PlainText, StringComparison.Ordinal);
        await bot.AskAsync(EstHead, "/circulate D2");

        // The operator acts in both bodies, so a bare /silence asks which first (wave 8: it opened the first body's guide).
        var which = await bot.AskForCatalogueAsync(chair, "/silence", "Bodies.Which");
        Assert.Equal(["Council", "1718 Committee"], which.Buttons.Select(b => b.Text));
        // The Council decides under silence: its guide offers hours only, as before, and only the Council's draft.
        var councilDrafts = await DraftsByButtonsTests.TapAsync(bot, chair, which, "Council", m => m.Buttons.Any(b => b.Text == "Cancel"));
        Assert.Equal(["D2 Council text on Haiti", "Cancel"], councilDrafts.Buttons.Select(b => b.Text));
        var councilHours = await PressAsync(bot, chair, councilDrafts, "D2 Council text on Haiti");
        Assert.Equal(HourLabels, councilHours.Buttons.Select(b => b.Text));
        Assert.Contains("How long does the silence last?", councilHours.PlainText, StringComparison.Ordinal);

        // The Committee, named by its key: its draft alone, and the deadline in working days first.
        var committeeDrafts = await bot.AskAsync(chair, "/silence 1718");
        Assert.Equal(["D1 Exemption request 2026/7", "Cancel"], committeeDrafts.Buttons.Select(b => b.Text));
        // A typed answer names no body: it is answered in the Committee, where the guide started.
        var deadline = await AnswerAsync(bot, chair, "D1", "step 2 of 2");
        Assert.Contains("How long does the no-objection procedure last?", deadline.PlainText, StringComparison.Ordinal);
        Assert.Equal(
            ["1 working day", "2 working days", "3 working days", "5 working days", "10 working days", .. HourLabels],
            deadline.Buttons.Select(b => b.Text));

        var tooLong = await AnswerAsync(bot, chair, "40wd", "Please tap a button");
        Assert.Equal(
            "Please tap a button, or write working days from 1 to 30 (5wd is five working days, weekends skipped), a whole number of hours from 1 to 720, or a day and a time still to come (tomorrow 12:00 New York).",
            tooLong.PlainText);
        var summary = await PressAsync(bot, chair, deadline, "5 working days");
        Assert.Contains("This sends /silence D1 5wd", summary.PlainText, StringComparison.Ordinal);
        await ConfirmedAsync(bot, chair, summary);

        // Monday to the next Monday, the weekend skipped, exactly as the typed /silence D1 5wd counts it.
        var d1 = await DraftsByButtonsTests.ReadAsync(bot, db => db.Drafts.IgnoreQueryFilters().SingleAsync(d => d.Id == 1));
        Assert.Equal(2, d1.BodyId);
        Assert.True(d1.SilenceWorkingDays);
        Assert.Equal(new DateTime(2026, 12, 14, 15, 0, 0, DateTimeKind.Utc), d1.SilenceDeadlineUtc);
        var d2 = await DraftsByButtonsTests.ReadAsync(bot, db => db.Drafts.IgnoreQueryFilters().SingleAsync(d => d.Id == 2));
        Assert.Null(d2.SilenceDeadlineUtc);
    }

    [Fact]
    public async Task A_committee_penholder_may_type_working_days_by_their_label_in_a_one_body_deployment()
    {
        var clock = new FakeTimeProvider(Monday);
        var settings = new Dictionary<string, string?>
        {
            ["Council:File"] = Path.Combine(AppContext.BaseDirectory, "Council", "committee-1718-2026.json"),
            ["Delivery:PrivatePerSecond"] = "50",
        };
        await using var bot = await BotHarness.StartAsync(settings, new BotApiEmulatorOptions { EnforceLimits = false }, configure: s => s.AddSingleton<TimeProvider>(clock));
        await bot.SeedMemberAsync(UsaHead, "USA", DelegationRole.Head, "Kelly", "America/New_York");
        await bot.AskAsync(UsaHead, "/draft_new Exemption request 2026/8\nThe Committee approves the exemption request.");
        await bot.AskAsync(UsaHead, "/circulate D1");

        // The penholder starts the silence; a label typed answers as its button does.
        var drafts = await bot.AskAsync(UsaHead, "/silence");
        await PressAsync(bot, UsaHead, drafts, "D1 Exemption request 2026/8");
        var summary = await AnswerAsync(bot, UsaHead, "3 Working Days", "This sends /silence D1 3wd");
        await ConfirmedAsync(bot, UsaHead, summary);

        // Monday 10:00 in New York and three working days: Thursday 10:00 there, in the penholder's zone.
        var draft = await DraftsByButtonsTests.ReadAsync(bot, db => db.Drafts.SingleAsync());
        Assert.Equal(new DateTime(2026, 12, 10, 15, 0, 0, DateTimeKind.Utc), draft.SilenceDeadlineUtc);
        Assert.Equal("America/New_York", draft.SilenceZone);
    }

    /// <summary>
    /// Sends <paramref name="text"/> once every notice has gone, so the next message in the chat is the guide's next
    /// question, summary or refusal; then checks that it says <paramref name="expected"/> (a rewording shows as a difference).
    /// </summary>
    private static async Task<SentMessage> AnswerAsync(BotHarness bot, long user, string text, string expected)
    {
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);
        var answer = await bot.AskAsync(user, text);
        Assert.Contains(expected, answer.PlainText, StringComparison.Ordinal);
        return answer;
    }

    /// <summary>The answer to the summary's Confirm: the silence started (the summary itself is only marked answered).</summary>
    private static async Task ConfirmedAsync(BotHarness bot, long user, SentMessage summary)
    {
        bot.Emulator.PressButton(user, user, summary.MessageId, "g:ok");
        var started = await bot.MessageWithCatalogueAsync(user, "Drafts.Silence.Done", afterMessageId: summary.MessageId);
        Assert.Contains("under silence until", started.PlainText, StringComparison.Ordinal);
    }

}
