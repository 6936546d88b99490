using System.Text.RegularExpressions;
using CoordBot.BotApi;
using CoordBot.Domain.Drafts;
using CoordBot.Domain.Sessions;
using CoordBot.Localization;
using CoordBot.Persistence;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoordBot.Tests.Guides.GuideKit;
using static CoordBot.Tests.Sessions.SessionsTestKit;

namespace CoordBot.Tests.Localization;

/// <summary>
/// The guided /schedule and /silence answered in each of the six languages with the words people type there, and a
/// person's Telegram language remembered for the notices they get later (issue 27), through the emulator.
/// </summary>
public sealed class InputLanguagesEndToEndTests
{
    /// <summary>Per language: the day and time as typed there, and the start they mean (from Monday 23 November 2026, 12:00 UTC; the chair's zone is UTC).</summary>
    public static TheoryData<string, string, string, string> Schedules => new()
    {
        { "en", "tomorrow", "3pm", "2026-11-24 15:00" },
        { "fr", "vendredi", "15 h", "2026-11-27 15:00" },
        { "es", "pasado mañana", "3 p. m.", "2026-11-25 15:00" },
        { "ru", "3 декабря", "9.30", "2026-12-03 09:30" },
        { "zh", "明天", "下午3点", "2026-11-24 15:00" },
        { "ar", "الجمعة", "٣ م", "2026-11-27 15:00" },
    };

    [Theory]
    [MemberData(nameof(Schedules))]
    public async Task The_chair_schedules_by_the_guide_typing_day_and_time_in_their_own_language(string language, string day, string time, string expected)
    {
        var (bot, _) = await StartAsync();
        await using var _ = bot;
        if (language != Languages.English)
        {
            await bot.AskAsync(Chair, "/language " + language);
        }

        var question = await bot.AskAsync(Chair, "/schedule");
        Assert.Contains(Catalogue.Text(language, "Sessions.Guide.DayQuestion").Split('(')[0].Split('（')[0].Trim(), question.PlainText, StringComparison.Ordinal);

        // A word that is no date is explained in the reader's language, from the catalogue.
        var wrong = await AnswerAsync(bot, Chair, "xyz");
        Assert.StartsWith(Plain(InputText.DateRefusal(language, Domain.Input.DateWords.Read("xyz", new DateOnly(2026, 11, 23), InputWords.Dates(language)))), wrong.PlainText, StringComparison.Ordinal);

        // The chair never chose a zone: asked once, in their language, before the time.
        var zoneStep = await AnswerAsync(bot, Chair, day);
        Assert.Contains(Plain(Catalogue.Text(language, "Flow.Zone.First")), zoneStep.PlainText, StringComparison.Ordinal);
        var timeStep = await AnswerAsync(bot, Chair, "UTC");
        Assert.Contains(Plain(Catalogue.Text(language, "Guidance.TimeQuestionInZone").Split("{0}")[0]), timeStep.PlainText, StringComparison.Ordinal);
        var format = await AnswerAsync(bot, Chair, time);
        var closed = language == Languages.English ? "closed" : Catalogue.Text(language, "Sessions.Format.Closed");
        var title = await PressAsync(bot, Chair, format, format.Buttons.Single(b => b.Text.Contains(closed, StringComparison.Ordinal)).Text);
        var summary = await AnswerAsync(bot, Chair, "Briefing on the Middle East");
        Assert.Contains($"/schedule {expected} closed Briefing on the Middle East", summary.PlainText, StringComparison.Ordinal);

        bot.Emulator.PressButton(Chair, Chair, summary.MessageId, "g:ok");
        await bot.ReplyAsync(Chair, m => m.MessageId > summary.MessageId && m.PlainText!.Contains("S1", StringComparison.Ordinal));
        var session = await ReadAsync(bot, db => db.Sessions.SingleAsync());
        Assert.Equal(DateTime.SpecifyKind(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc), session.StartUtc);
        Assert.Equal(SessionFormat.Closed, session.Format);
        Assert.NotNull(title);
        if (language is "ru" or "zh" or "ar")
        {
            // The summary shows the command line the guide sends (its format word is the typed code).
            var leaks = NoEnglish.In(bot.Emulator, Chair, language, ["closed Briefing on the Middle East", "Briefing on the Middle East", "xyz", "UTC"]);
            Assert.True(leaks.Count == 0, string.Join("\n---\n", leaks));
        }
    }

    /// <summary>Per language: the hours as typed there (native digits, the unit's name).</summary>
    public static TheoryData<string, string> Silences => new()
    {
        { "en", "36" },
        { "fr", "36 heures" },
        { "es", "36 horas" },
        { "ru", "36 часов" },
        { "zh", "36小时" },
        { "ar", "٣٦ ساعة" },
    };

    [Theory]
    [MemberData(nameof(Silences))]
    public async Task The_chair_puts_a_draft_under_silence_by_the_guide_typing_the_hours_in_their_own_language(string language, string hours)
    {
        var bot = await CouncilAsync();
        await using var _ = bot;
        var estonia = HeadOf("EST");
        await bot.AskAsync(estonia, "/draft_new Women, peace and security\nThe Security Council,");
        await bot.AskAsync(estonia, "/circulate D1");
        if (language != Languages.English)
        {
            await bot.AskAsync(BotHarness.OperatorId, "/language " + language);
        }

        var which = await bot.AskAsync(BotHarness.OperatorId, "/silence");
        var step = await PressAsync(bot, BotHarness.OperatorId, which, "D1 Women, peace and security");
        Assert.Contains(Catalogue.Text(language, "Guide.Step.Hours"), step.PlainText, StringComparison.Ordinal);
        var refused = await AnswerAsync(bot, BotHarness.OperatorId, "NaN");
        // Neither hours nor a day and a time: the refusal says both are possible (issue 24 item 5).
        Assert.Equal(Plain(Catalogue.Format(language, "Deadlines.Guide.WhenRefused", 720)), refused.PlainText);
        var summary = await AnswerAsync(bot, BotHarness.OperatorId, hours);
        Assert.Contains("/silence D1 36", summary.PlainText, StringComparison.Ordinal);

        bot.Emulator.PressButton(BotHarness.OperatorId, BotHarness.OperatorId, summary.MessageId, "g:ok");
        await bot.ReplyAsync(BotHarness.OperatorId, m => m.MessageId > summary.MessageId && m.PlainText!.Contains("D1", StringComparison.Ordinal));
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        Assert.Equal(DraftStatus.UnderSilence, (await db.Drafts.SingleAsync()).Status);
        if (language is "ru" or "zh" or "ar")
        {
            var leaks = NoEnglish.In(bot.Emulator, BotHarness.OperatorId, language, ["Women, peace and security", "The Security Council,", "NaN", "UTC"]);
            Assert.True(leaks.Count == 0, string.Join("\n---\n", leaks));
        }
    }

    [Fact]
    public async Task A_head_who_never_chose_a_language_gets_circulations_and_silence_notices_in_their_Telegram_language()
    {
        var bot = await CouncilAsync();
        await using var _ = bot;
        var china = HeadOf("CHN");
        var tunisia = HeadOf("TUN");
        var france = HeadOf("FRA");
        bot.Emulator.SetLanguageCode(china, "zh-hans");
        bot.Emulator.SetLanguageCode(tunisia, "ar");
        bot.Emulator.SetLanguageCode(france, "pt-br"); // none of the six: English
        foreach (var head in new[] { china, tunisia, france })
        {
            await bot.AskAsync(head, "/me"); // any update: Telegram sends its language_code, and the bot remembers it
        }

        var estonia = HeadOf("EST");
        await bot.AskAsync(estonia, "/draft_new Women, peace and security\nThe Security Council,");
        await bot.AskAsync(estonia, "/circulate D1");
        await bot.AskAsync(BotHarness.OperatorId, "/silence D1 24");

        foreach (var (head, language) in new[] { (china, "zh"), (tunisia, "ar"), (france, "en") })
        {
            await bot.ReplyAsync(head, m => m.PlainText!.Contains(Opening(language, "Drafts.Circulated"), StringComparison.Ordinal));
            await bot.ReplyAsync(head, m => m.PlainText!.Contains(Opening(language, "Drafts.Silence.Notice"), StringComparison.Ordinal));
        }

        // After /language, the choice wins over Telegram's language_code.
        await bot.AskAsync(china, "/language fr");
        await bot.AskAsync(estonia, "/draft_new Climate and security\nThe Security Council,");
        await bot.AskAsync(estonia, "/circulate D2");
        await bot.ReplyAsync(china, m => m.PlainText!.Contains(Opening("fr", "Drafts.Circulated"), StringComparison.Ordinal) && m.PlainText.Contains("D2", StringComparison.Ordinal));
    }

    private static long HeadOf(string code) => TestCouncil.HeadOf(code);

    private static async Task<BotHarness> CouncilAsync()
    {
        var fast = new Dictionary<string, string?> { ["Delivery:PrivatePerSecond"] = "50", ["Delivery:GroupPerMinute"] = "600", ["Delivery:GlobalPerSecond"] = "500" };
        var bot = await BotHarness.StartAsync(fast, new BotApiEmulatorOptions { EnforceLimits = false });
        await TestCouncil.Seed().SeedAsync(bot);

        return bot;
    }

    /// <summary>Sends a typed answer and waits for the bot's next message in that chat.</summary>
    private static Task<SentMessage> AnswerAsync(BotHarness bot, long user, string text) => bot.AskAsync(user, text);

    /// <summary>The text before a template's first placeholder, as a reader sees it (tags dropped).</summary>
    private static string Opening(string language, string key) => Plain(Catalogue.Text(language, key).Split('{')[0]).Trim();

    private static string Plain(string html) =>
        System.Net.WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", string.Empty));
}
