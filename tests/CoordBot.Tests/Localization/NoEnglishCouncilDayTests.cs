using CoordBot.BotApi;
using CoordBot.Localization;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoordBot.Tests.Localization;

/// <summary>
/// A council day for a Chinese head and an Arabic-reading head who never sent /language (Telegram's language_code
/// decides): every message and button they get is checked to hold no English word that is not their own catalogue's,
/// user content, an id, a code or a name (issue 27).
/// </summary>
public sealed class NoEnglishCouncilDayTests
{
    private const string Title = "Women, peace and security";
    private const string Text = "The Security Council,";
    private const string Session = "Situation in the Middle East";

    [Fact]
    public async Task A_Chinese_and_an_Arabic_head_meet_no_English_through_a_council_day()
    {
        var codes = TestCouncil.Codes;
        static long HeadOf(string code) => TestCouncil.HeadOf(code);
        var fast = new Dictionary<string, string?> { ["Delivery:PrivatePerSecond"] = "50", ["Delivery:GroupPerMinute"] = "600", ["Delivery:GlobalPerSecond"] = "500" };
        await using var bot = await BotHarness.StartAsync(fast, new BotApiEmulatorOptions { EnforceLimits = false });
        // Names without English words (the builder's default, "Head of CHN", would be English in a Chinese reader's chat).
        await TestCouncil.Seed().Named((code, _) => $"User{TestCouncil.HeadOf(code)}").SeedAsync(bot);

        var china = HeadOf("CHN");
        var tunisia = HeadOf("TUN");
        var estonia = HeadOf("EST");
        var chair = BotHarness.OperatorId;
        bot.Emulator.SetLanguageCode(china, "zh-hans");
        bot.Emulator.SetLanguageCode(tunisia, "ar");
        var readers = new[] { china, tunisia };

        foreach (var head in readers)
        {
            foreach (var command in (string[])["/start", "/help", "/me", "/delegations", "/delegation", "/presidency", "/today", "/drafts"])
            {
                await bot.AskAsync(head, command);
            }
        }

        await bot.AskAsync(chair, $"/schedule 2030-01-15 15:00 closed {Session}");
        await bot.AskAsync(chair, "/agenda_add S1 Middle East");
        await bot.AskAsync(chair, "/penholder A1 EST");
        foreach (var head in readers)
        {
            foreach (var command in (string[])["/sessions", "/session S1", "/attend S1 yes", "/agenda S1", "/speak A1", "/speakers A1"])
            {
                await bot.AskAsync(head, command);
            }
        }

        // Typed on one line in their own words (an Arria-formula meeting, which any head may convene), and a mistake explained
        // in their language (issue 27 items 1 and 2).
        await bot.AskAsync(china, "/schedule 明天 下午3点 阿里亚 网络安全");
        await bot.AskAsync(tunisia, "/schedule غدًا ١٥:٠٠ آريا الأمن السيبراني");
        await bot.AskAsync(china, "/schedule 明天 xyz 阿里亚 网络安全");
        await bot.AskAsync(tunisia, "/schedule xyz ١٥:٠٠ آريا الأمن السيبراني");
        await bot.AskAsync(china, "/reschedule S2 后天 Mars/Olympus");
        await using (var db = await bot.Services.GetRequiredService<CoordBot.Persistence.UnitOfWork>().ReadAsync(CancellationToken.None))
        {
            Assert.Equal(3, await db.Sessions.CountAsync()); // S1 and the two typed in Chinese and Arabic; the mistakes made none
        }

        await bot.AskAsync(estonia, $"/draft_new {Title}\n{Text}");
        await bot.AskAsync(estonia, "/circulate D1");
        foreach (var head in readers)
        {
            foreach (var command in (string[])["/drafts", "/draft D1", "/comment D1 Please cite resolution 1325.", "/comments D1", "/draft D9", "/vote D1 yes"])
            {
                await bot.AskAsync(head, command);
            }
        }

        await bot.AskAsync(chair, "/silence D1 24");
        await bot.AskAsync(tunisia, "/breaksilence D1 We need time.");
        await bot.AskAsync(estonia, "/blue D1");
        await bot.AskAsync(chair, "/vote_open D1 substantive 24h");
        await bot.AskAsync(china, "/vote D1 yes");
        await bot.AskAsync(tunisia, "/vote D1 abstain");
        foreach (var code in codes.Where(c => c is not "CHN" and not "TUN"))
        {
            await bot.AskAsync(HeadOf(code), "/vote D1 yes");
        }

        foreach (var head in readers)
        {
            await bot.ReplyAsync(head, m => m.PlainText?.Contains("14", StringComparison.Ordinal) == true && m.PlainText.Contains("D1", StringComparison.Ordinal) && m.MessageId > 0);
            await bot.AskAsync(head, "/tally D1");
        }

        // The council's configured name is a proper name (the configuration does not translate it).
        string[] content = [Title, Text, Session, "Middle East", "xyz", "Mars/Olympus", "Please cite resolution 1325.", "We need time.", "UTC", "United Nations Security Council"];
        var leaks = NoEnglish.In(bot.Emulator, china, "zh", content).Concat(NoEnglish.In(bot.Emulator, tunisia, "ar", content)).ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} texts with English words:\n" + string.Join("\n---\n", leaks));
    }
}
