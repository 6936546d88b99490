using CoordBot.BotApi;
using CoordBot.Domain.Membership;
using CoordBot.Persistence;
using CoordBot.Telegram.Guides;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoordBot.Tests.Localization;

/// <summary>
/// The Council and its 1718 Committee for a Chinese, an Arabic and a Russian head who sit on both and never sent
/// /language (Telegram's language_code decides): /bodies, the which-body question, /today with both bodies' sections,
/// the guided /silence in working days, holds and lifts with their notices (the deadline stopped and resumed), the
/// adoption, an objection and the failure it brings. Every message and button they get is checked to hold no English
/// word outside user content, ids, codes and names (issue 27, wave 7).
/// </summary>
public sealed class TwoBodiesNoEnglishTests
{
    private const long China = 7301;
    private const long Russia = 7302;
    private const long Bahrain = 7303;
    private const string Exemption = "豁免请求 2026/7";
    private const string ExemptionText = "委员会批准该豁免请求。";
    private const string Designation = "Обновление перечня";
    private const string DesignationText = "Комитет обновляет перечень.";
    private const string CouncilTitle = "关于海地的案文";
    private const string CouncilText = "安全理事会，";
    private const string HoldReason = "بانتظار تعليمات العاصمة";
    private const string Objection = "Запрос не соответствует критериям.";

    // A Monday, 10:00 in New York.
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_Chinese_an_Arabic_and_a_Russian_head_meet_no_English_in_the_Council_and_the_1718_Committee()
    {
        var clock = new FakeTimeProvider(Monday);
        var settings = new Dictionary<string, string?>
        {
            ["Bodies:0:File"] = Path.Combine(AppContext.BaseDirectory, "Council", "security-council-2026.json"),
            ["Bodies:1:File"] = Path.Combine(AppContext.BaseDirectory, "Council", "committee-1718-2026.json"),
            ["Delivery:PrivatePerSecond"] = "50",
            ["Delivery:GroupPerMinute"] = "600",
            ["Delivery:GlobalPerSecond"] = "500",
        };
        await using var bot = await BotHarness.StartAsync(settings, new BotApiEmulatorOptions { EnforceLimits = false }, configure: s => s.AddSingleton<TimeProvider>(clock));
        foreach (var (head, code, language) in new[] { (China, "CHN", "zh-hans"), (Russia, "RUS", "ru"), (Bahrain, "BHR", "ar") })
        {
            await SeedAsync(bot, head, code, language);
        }

        long[] readers = [China, Russia, Bahrain];
        foreach (var head in readers)
        {
            await bot.AskAsync(head, "/bodies");
        }

        // A Council text by China, named by its key; a Committee decision by China through the which-body question.
        await bot.AskAsync(China, $"/draft_new unsc {CouncilTitle}\n{CouncilText}");
        await bot.AskAsync(China, "/circulate D1");
        var which = await bot.AskForCatalogueAsync(China, "/draft_new", "Bodies.Which", language: "zh");
        await PressAsync(bot, China, which, b => b.CallbackData!.EndsWith(" 1718", StringComparison.Ordinal), b => b.CallbackData == "g:cancel");
        await AnswerAsync(bot, China, Exemption);
        await ConfirmAsync(bot, China, await AnswerAsync(bot, China, ExemptionText, GuideRunner.Prefix + ":ok"));
        await bot.AskAsync(China, "/circulate D2");

        // The guided /silence in the Committee (named by its key: a bare /silence starts in the first body): which draft,
        // five working days, confirmed.
        var drafts = await bot.AskAsync(China, "/silence 1718");
        var length = await PressAsync(bot, China, drafts, b => b.Text.StartsWith("D2", StringComparison.Ordinal), b => b.CallbackData!.EndsWith(":5wd", StringComparison.Ordinal));
        await ConfirmAsync(bot, China, await PressAsync(bot, China, length, b => b.CallbackData!.EndsWith(":5wd", StringComparison.Ordinal), b => b.CallbackData == "g:ok"));
        Assert.Equal(new DateTime(2026, 12, 14, 15, 0, 0, DateTimeKind.Utc), await ReadAsync(bot, db => db.Drafts.IgnoreQueryFilters().Where(d => d.Id == 2).Select(d => d.SilenceDeadlineUtc).SingleAsync()));

        // Wednesday: Bahrain holds with a reason, Russia without; the deadline stops.
        clock.Advance(TimeSpan.FromDays(2));
        await bot.AskAsync(Bahrain, $"/hold D2 {HoldReason}");
        await bot.AskAsync(Russia, "/hold D2");
        await bot.AskAsync(Russia, "/hold D2");
        foreach (var head in readers)
        {
            await bot.AskAsync(head, "/today");
            await bot.AskAsync(head, "/draft D2");
        }

        // Thursday: both lift; the deadline runs again from now.
        clock.Advance(TimeSpan.FromDays(1));
        await bot.AskAsync(Bahrain, "/lift D2");
        await bot.AskAsync(Russia, "/lift D2");
        await bot.AskAsync(Russia, "/lift D2");
        var deadline = await ReadAsync(bot, db => db.Drafts.IgnoreQueryFilters().Where(d => d.Id == 2).Select(d => d.SilenceDeadlineUtc).SingleAsync());
        Assert.NotNull(deadline);

        // A second decision by Russia, named by the Committee's key: China holds it, Bahrain objects, and it fails.
        await bot.AskAsync(Russia, $"/draft_new 1718 {Designation}\n{DesignationText}");
        await bot.AskAsync(Russia, "/circulate D3");
        await bot.AskAsync(Russia, "/silence D3 2wd");
        await bot.AskAsync(China, "/hold D3");
        await bot.AskAsync(Bahrain, $"/breaksilence D3 {Objection}");
        await bot.AskAsync(China, "/lift D3");

        // No objection and no hold at the restored deadline: the decision is agreed, and each reader is told.
        var marks = readers.ToDictionary(r => r, r => bot.LastMessageId(r));
        clock.Advance(deadline!.Value.AddMinutes(1) - clock.GetUtcNow().UtcDateTime);
        foreach (var (head, language) in new[] { (China, "zh"), (Russia, "ru"), (Bahrain, "ar") })
        {
            await bot.MessageWithCatalogueAsync(head, "Drafts.Silence.Agreed", language, marks[head]);
            await bot.AskAsync(head, "/today");
            await bot.AskAsync(head, "/bodies");
        }

        // The walk reached what it is about: each reader was told of a hold, a lift with the new deadline (the lifter by its
        // reply), and (but the objector) the objection; the which-body question and both bodies' sections of /today were in Chinese.
        var languages = new Dictionary<long, string> { [China] = "zh", [Russia] = "ru", [Bahrain] = "ar" };
        foreach (var (head, language) in languages)
        {
            var texts = bot.Emulator.MessagesIn(head).Select(m => m.Text).ToList();
            Assert.Contains(texts, t => CatalogueText.Contains(language, "Committees.Hold.Notice", t));
            Assert.Contains(texts, t => CatalogueText.Contains(language, head == Russia ? "Committees.Lift.Done" : "Committees.Lift.Notice", t));
            Assert.Contains(texts, t => CatalogueText.Contains(language, head == Bahrain ? "Drafts.BreakSilence.Done" : "Drafts.BreakSilence.Notice", t));
        }

        Assert.Equal(["安全理事会", "1718委员会"], which.Buttons.Select(b => b.Text));
        var today = bot.Emulator.MessagesIn(China).Last(m => (m.PlainText ?? string.Empty).Contains("[1718委员会]", StringComparison.Ordinal));
        Assert.Contains("[安全理事会]", today.PlainText, StringComparison.Ordinal);

        string[] content = [Exemption, ExemptionText, Designation, DesignationText, CouncilTitle, CouncilText, HoldReason, Objection, "UTC", "unsc"];
        var leaks = NoEnglish.In(bot.Emulator, China, "zh", content)
            .Concat(NoEnglish.In(bot.Emulator, Russia, "ru", content))
            .Concat(NoEnglish.In(bot.Emulator, Bahrain, "ar", content))
            .ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} texts with English words:\n" + string.Join("\n---\n", leaks));
    }

    /// <summary>Presses the button <paramref name="which"/> picks and waits for a message new or changed since that has a button <paramref name="next"/> picks.</summary>
    private static async Task<SentMessage> PressAsync(BotHarness bot, long user, SentMessage message, Func<(string Text, string? CallbackData), bool> which, Func<(string Text, string? CallbackData), bool> next)
    {
        var button = message.Buttons.FirstOrDefault(b => b.CallbackData is not null && which(b));
        Assert.True(button.CallbackData is not null, $"No such button on: {message.PlainText}\nButtons: {string.Join(" | ", message.Buttons.Select(b => $"{b.Text} ({b.CallbackData})"))}");
        var seen = bot.Emulator.MessagesIn(message.ChatId).Select(m => (m.MessageId, m.EditCount)).ToHashSet();
        bot.Emulator.PressButton(message.ChatId, user, message.MessageId, button.CallbackData!);
        return await bot.ReplyAsync(message.ChatId, m => !seen.Contains((m.MessageId, m.EditCount)) && m.Buttons.Any(b => b.CallbackData is not null && next(b)));
    }

    /// <summary>Answers a guide's step by typing, and waits for a message new or changed since (with the button <paramref name="data"/>, when given).</summary>
    private static async Task<SentMessage> AnswerAsync(BotHarness bot, long user, string text, string? data = null)
    {
        var seen = bot.Emulator.MessagesIn(user).Select(m => (m.MessageId, m.EditCount)).ToHashSet();
        bot.Send(user, text);
        return await bot.ReplyAsync(user, m => !seen.Contains((m.MessageId, m.EditCount)) && (data is null || m.Buttons.Any(b => b.CallbackData == data)));
    }

    private static async Task ConfirmAsync(BotHarness bot, long user, SentMessage summary)
    {
        var last = bot.LastMessageId(user);
        bot.Emulator.PressButton(user, user, summary.MessageId, "g:ok");
        await bot.ReplyAsync(user, m => m.MessageId > last);
    }

    private static Task<T> ReadAsync<T>(BotHarness bot, Func<CoordBotDb, Task<T>> read) => Drafts.DraftsByButtonsTests.ReadAsync(bot, read);

    private static async Task SeedAsync(BotHarness bot, long userId, string code, string languageCode)
    {
        foreach (var body in (int[])[1, 2])
        {
            await bot.SeedMemberAsync(userId, code, DelegationRole.Head, timeZone: "America/New_York", bodyId: body);
        }

        bot.Emulator.SetLanguageCode(userId, languageCode);
    }
}
