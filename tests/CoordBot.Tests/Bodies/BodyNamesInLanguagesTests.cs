using CoordBot.BotApi;
using CoordBot.Domain.Membership;
using CoordBot.Tests.Support;

namespace CoordBot.Tests.Bodies;

/// <summary>
/// A body's name is the reader's (issue 27 with issue 25): Russia's head, who sits on the Council and on the 1718
/// Committee and reads Russian, sees "Совет Безопасности" and "Комитет 1718" in /today, /bodies and the question which
/// body a command is for, as the shipped presets name them; an English reader in the same bot sees the files' English.
/// Found in the sandbox, where the Russian /today was headed "[Security Council]"; and /start named the first body alone.
/// </summary>
public sealed class BodyNamesInLanguagesTests
{
    private const long RussianHead = 7401;
    private const long UkHead = 7402;
    private const long RussianNewcomer = 7403;

    [Fact]
    public async Task A_reader_sees_each_body_named_in_their_language()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bodies:0:File"] = Path.Combine(AppContext.BaseDirectory, "Council", "security-council-2026.json"),
            ["Bodies:1:File"] = Path.Combine(AppContext.BaseDirectory, "Council", "committee-1718-2026.json"),
            ["Delivery:PrivatePerSecond"] = "50",
            ["Delivery:GlobalPerSecond"] = "500",
        };
        await using var bot = await BotHarness.StartAsync(settings, new BotApiEmulatorOptions { EnforceLimits = false });
        await SeatInBothAsync(bot, RussianHead, "RUS", "ru");
        await SeatInBothAsync(bot, UkHead, "GBR", "en");

        var today = await bot.AskAsync(RussianHead, "/today");
        Assert.Contains("[Совет Безопасности]", today.PlainText, StringComparison.Ordinal);
        Assert.Contains("[Комитет 1718]", today.PlainText, StringComparison.Ordinal);
        var bodies = await bot.AskAsync(RussianHead, "/bodies");
        Assert.Contains("Комитет Совета Безопасности, учрежденный резолюцией 1718 (2006)", bodies.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Committee", bodies.PlainText, StringComparison.Ordinal);
        var asked = await bot.AskForCatalogueAsync(RussianHead, "/draft_new Проект", "Bodies.Which", language: "ru");
        Assert.Equal(["Совет Безопасности", "Комитет 1718"], asked.Buttons.Select(b => b.Text));

        // A newcomer, who belongs to no body yet, is told of every body the bot serves, not of the first alone.
        bot.Emulator.RegisterUser(RussianNewcomer, "Новичок");
        await bot.AskAsync(RussianNewcomer, "/language ru");
        var welcome = await bot.AskAsync(RussianNewcomer, "/start");
        Assert.Contains("Совет Безопасности и Комитет 1718", welcome.PlainText, StringComparison.Ordinal);

        var english = await bot.AskAsync(UkHead, "/today");
        Assert.Contains("[Security Council]", english.PlainText, StringComparison.Ordinal);
        Assert.Contains("[1718 Committee]", english.PlainText, StringComparison.Ordinal);
        var englishAsked = await bot.AskForCatalogueAsync(UkHead, "/draft_new Draft", "Bodies.Which");
        Assert.Equal(["Security Council", "1718 Committee"], englishAsked.Buttons.Select(b => b.Text));
    }

    /// <summary>A head of the delegation in both bodies, reading <paramref name="language"/>.</summary>
    private static async Task SeatInBothAsync(BotHarness bot, long user, string code, string language)
    {
        await bot.SeedMemberAsync(user, code, DelegationRole.Head, $"Head of {code}", timeZone: null, bodyId: 1, language: language);
        await bot.SeedMemberAsync(user, code, DelegationRole.Head, $"Head of {code}", timeZone: null, bodyId: 2);
    }
}
