using System.Text.RegularExpressions;
using CoordBot.Features.Menus;
using CoordBot.Localization;
using CoordBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoordBot.Tests.Menus;

public sealed partial class PersonalMenuTests
{
    private const long Person = 3002;
    private const long Stranger = 3999;
    private const long EstoniaGroup = -100_3001;

    [Fact]
    public async Task A_members_menu_follows_their_role_and_is_withdrawn_when_they_leave()
    {
        await using var bot = await BotHarness.StartAsync();

        await JoinAsync(bot, "adviser");
        var adviser = Names(bot.Emulator.CommandsFor("chat", chatId: Person));
        Assert.Contains("drafts", adviser);
        Assert.Contains("help", adviser);
        Assert.DoesNotContain("invite", adviser);
        Assert.DoesNotContain("remove", adviser);
        Assert.DoesNotContain("linkgroup", adviser); // a group command has no place in a private chat's menu

        // Each official language has its list, described in that language.
        var french = bot.Emulator.CommandsFor("chat", chatId: Person, languageCode: "fr");
        Assert.Equal(adviser, Names(french));
        Assert.NotEqual(
            bot.Emulator.CommandsFor("chat", chatId: Person).Single(c => c.Command == "drafts").Description,
            french.Single(c => c.Command == "drafts").Description);

        var removed = await bot.AskAsync(BotHarness.OperatorId, $"/remove EST {Person}");
        Assert.Contains("3002", removed.PlainText, StringComparison.Ordinal);
        await Menus(bot).Idle;
        Assert.Empty(bot.Emulator.CommandsFor("chat", chatId: Person));
        Assert.Empty(bot.Emulator.CommandsFor("chat", chatId: Person, languageCode: "fr"));

        await JoinAsync(bot, "head");
        var head = Names(bot.Emulator.CommandsFor("chat", chatId: Person));
        Assert.Contains("invite", head);
        Assert.Contains("remove", head);
        Assert.Contains("drafts", head);
    }

    [Fact]
    public async Task A_linked_group_gets_the_council_commands_its_delegation_may_run_there()
    {
        await using var bot = await BotHarness.StartAsync();
        await JoinAsync(bot, "head");

        bot.Emulator.RegisterGroup(EstoniaGroup, "Estonia advisers");
        var linked = await bot.AskAsync(Person, "/linkgroup@CoordBot", EstoniaGroup);
        Assert.Contains("now the group of the delegation of Estonia", linked.PlainText, StringComparison.Ordinal);
        await Menus(bot).Idle;

        var group = Names(bot.Emulator.CommandsFor("chat", chatId: EstoniaGroup));
        Assert.Contains("linkgroup", group);
        Assert.Contains("remove", group);
        Assert.Contains("drafts", group);
        Assert.DoesNotContain("setpresident", group); // no member of the delegation is an operator
    }

    [Fact]
    public async Task A_groups_menu_is_rewritten_in_the_language_its_head_chooses_in_the_group()
    {
        await using var bot = await BotHarness.StartAsync();
        await JoinAsync(bot, "head");
        bot.Emulator.RegisterGroup(EstoniaGroup, "Estonia advisers");
        await bot.AskAsync(Person, "/linkgroup@CoordBot", EstoniaGroup);
        await Menus(bot).Idle;
        var english = bot.Emulator.CommandsFor("chat", chatId: EstoniaGroup);
        var french = bot.Emulator.CommandsFor("chat", chatId: EstoniaGroup, languageCode: "fr");
        Assert.NotEqual(english, french);

        var chosen = await bot.AskAsync(Person, "/language fr", EstoniaGroup);
        Assert.Equal(Catalogue.Format("fr", "Language.SetGroup", Languages.NativeName("fr")), chosen.PlainText);
        await Menus(bot).Idle;

        // Every list of the group's menu, whatever app language a member has, is now the French one.
        Assert.Equal(french, bot.Emulator.CommandsFor("chat", chatId: EstoniaGroup));
        foreach (var language in Languages.All.Where(l => l != Languages.English))
        {
            Assert.Equal(french, bot.Emulator.CommandsFor("chat", chatId: EstoniaGroup, languageCode: language));
        }

        // The head's own private menu keeps its language: the choice was the group's.
        Assert.Equal(english.Single(c => c.Command == "drafts").Description, bot.Emulator.CommandsFor("chat", chatId: Person).Single(c => c.Command == "drafts").Description);
    }

    [Fact]
    public async Task A_refused_invitation_publishes_no_menu()
    {
        await using var bot = await BotHarness.StartAsync();

        var refusal = await bot.AskAsync(Stranger, "/start NotAToken_aaaaaaaaaaaaaaaaaaaaa");
        Assert.DoesNotContain("Welcome to the delegation", refusal.PlainText, StringComparison.Ordinal);
        await Menus(bot).Idle;
        Assert.Empty(bot.Emulator.CommandsFor("chat", chatId: Stranger));
    }

    private static async Task JoinAsync(BotHarness bot, string role)
    {
        var invitation = await bot.AskAsync(BotHarness.OperatorId, $"/invite EST {role}");
        var token = TokenPattern().Match(invitation.PlainText!).Groups[1].Value is { Length: > 0 } found
            ? found
            : throw new Xunit.Sdk.XunitException(bot.Emulator.MessageThreadLog(BotHarness.OperatorId));
        var before = bot.Emulator.MessagesIn(BotHarness.OperatorId).Max(m => m.MessageId);
        var welcome = await bot.AskAsync(Person, $"/start {token}");
        // The inviter is told too; waiting for it keeps that notice from passing for the reply to the next command.
        Assert.Contains("accepted your invitation", (await bot.MessageFromCatalogueAsync(BotHarness.OperatorId, "Join.InviterNote", afterMessageId: before)).PlainText, StringComparison.Ordinal);
        Assert.Contains("Welcome to the delegation of Estonia", welcome.PlainText, StringComparison.Ordinal);
        await Menus(bot).Idle;
    }

    private static PersonalMenus Menus(BotHarness bot) => bot.Services.GetRequiredService<PersonalMenus>();

    private static List<string> Names(IEnumerable<CoordBot.BotApi.BotCommandInfo> commands) => commands.Select(c => c.Command).ToList();

    [GeneratedRegex(@"Token: ([A-Za-z0-9_-]{22,})")]
    private static partial Regex TokenPattern();
}
