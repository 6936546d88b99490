using System.Text.RegularExpressions;
using CoordBot.Localization;
using static CoordBot.Tests.Sessions.SessionsTestKit;

namespace CoordBot.Tests.Localization;

/// <summary>The notices of a group that removed the bot and of a member who blocked it, in the head's language (issue 27).</summary>
public sealed class LifecycleLanguagesEndToEndTests
{
    [Fact]
    public async Task A_Chinese_head_is_told_in_Chinese_that_the_group_removed_the_bot()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        await bot.AskAsync(EstHead, "/language zh");

        bot.Emulator.RemoveBot(EstGroup, EstAdviser);

        var told = await bot.ReplyAsync(EstHead, m => m.PlainText!.Contains("/linkgroup", StringComparison.Ordinal));
        Assert.StartsWith("机器人已被移出与爱沙尼亚关联的群组", told.PlainText, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Za-z]{3,}", told.PlainText!.Replace("/linkgroup", string.Empty, StringComparison.Ordinal).Replace("EST delegation", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_Arabic_head_is_told_in_Arabic_that_a_member_blocked_the_bot_the_name_isolated()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        await bot.AskAsync(EstHead, "/language ar");

        bot.Emulator.BlockBot(EstAdviser);

        var expected = Catalogue.Format("ar", "Lifecycle.Blocked", "Kadri", Catalogue.Text("ar", "Role.Adviser"), "إستونيا");
        var told = await bot.ReplyAsync(EstHead, m => m.PlainText!.Contains("Kadri", StringComparison.Ordinal));
        Assert.Equal(expected, told.PlainText);
        Assert.Contains("\u2068Kadri\u2069", told.PlainText, StringComparison.Ordinal);
        Assert.StartsWith("\u200F", told.PlainText, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Za-z]{3,}", Regex.Replace(told.PlainText!, "Kadri", string.Empty));
    }
}
