using CoordBot.Domain.Membership;
using CoordBot.Persistence;
using CoordBot.Telegram.Routing;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoordBot.Tests.Delegations;

/// <summary>
/// For every command of the Welcome and Delegations families: the rule it declares is the one the running
/// bot enforces. Whoever the rule refuses gets the domain's reason and changes nothing, and /help does not
/// offer them the command; whoever it admits sees it in /help.
/// </summary>
public sealed class DelegationsRulesTests
{
    private const long Stranger = 3999;
    private const long Adviser = 3002;
    private const long Deputy = 3003;
    private const long FranceHead = 3004;
    private const long UnlinkedGroup = -100_3001;
    private const long EstoniaGroup = -100_3002;

    private static readonly Dictionary<string, string> Arguments = new(StringComparer.Ordinal)
    {
        ["invite"] = "EST adviser",
        ["remove"] = $"EST {Adviser}",
        ["delegation"] = "EST",
        ["setpresident"] = "EST 2026-12",
        ["join"] = "AAAAAAAAAAAAAAAAAAAAAA",
        ["timezone"] = "Europe/Tallinn",
    };

    /// <summary>Who each command admits (S stranger, A adviser, D deputy, H head of another delegation, O operator): the rules themselves are pinned too.</summary>
    private static readonly Dictionary<string, string> Admitted = new(StringComparer.Ordinal)
    {
        ["start"] = "SADHO",
        ["help"] = "SADHO",
        ["me"] = "SADHO",
        ["language"] = "SADHO",
        ["timezone"] = "SADHO",
        ["join"] = "SO",
        ["invite"] = "DHO",
        ["remove"] = "HO",
        ["linkgroup"] = "DH",
        ["delegations"] = "ADHO",
        ["delegation"] = "ADHO",
        ["presidency"] = "ADHO",
        ["setpresident"] = "O",
    };

    [Fact]
    public async Task Every_declared_rule_is_the_one_enforced_and_help_offers_exactly_what_it_admits()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SeedMemberAsync(Adviser, "EST", DelegationRole.Adviser);
        await bot.SeedMemberAsync(Deputy, "EST", DelegationRole.Deputy);
        await bot.SeedMemberAsync(FranceHead, "FRA", DelegationRole.Head);
        bot.Emulator.RegisterUser(Stranger, $"User{Stranger}");
        bot.Emulator.RegisterGroup(UnlinkedGroup, "Not linked");
        var people = new[]
        {
            ('S', new Actor(Stranger, "Stranger", false)),
            ('A', new Actor(Adviser, "Adviser", false, "EST", DelegationRole.Adviser)),
            ('D', new Actor(Deputy, "Deputy", false, "EST", DelegationRole.Deputy)),
            ('H', new Actor(FranceHead, "Head", false, "FRA", DelegationRole.Head)),
            ('O', new Actor(BotHarness.OperatorId, "Operator", true)),
        };

        // A command for groups is asked in a group, so that the rule, not the place, is what answers.
        var refusals = await DeclaredRules.AssertEnforcedAsync(
            bot, ["CoordBot.Features.Delegations", "CoordBot.Features.Welcome"], people, Admitted, Arguments, async b => await StateAsync(b),
            (info, person) => info.Where == ChatScope.Group ? UnlinkedGroup : person.UserId);

        Assert.True(refusals >= 10, $"only {refusals} refusals were tried");
    }

    [Fact]
    public async Task A_member_in_another_delegations_group_is_refused_and_nothing_about_their_delegation_is_posted_there()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SeedMemberAsync(FranceHead, "FRA", DelegationRole.Head);
        await bot.LinkGroupAsync("EST", EstoniaGroup);

        var reply = await bot.AskAsync(FranceHead, "/delegation FRA", EstoniaGroup);
        var help = await bot.AskAsync(FranceHead, "/help", EstoniaGroup);

        Assert.Equal(EnglishTexts.OtherDelegationsGroup, reply.PlainText);
        Assert.DoesNotContain("France", string.Join("\n", bot.Emulator.MessagesIn(EstoniaGroup).Select(m => m.PlainText)), StringComparison.Ordinal);
        Assert.DoesNotContain("/delegation ", help.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invitation_refusals_start_with_a_capital_letter()
    {
        await using var bot = await BotHarness.StartAsync();
        var invitation = (await bot.AskAsync(BotHarness.OperatorId, "/invite FRA deputy")).PlainText!;
        var token = invitation[(invitation.IndexOf("Token: ", StringComparison.Ordinal) + 7)..].Split('\n')[0];
        await bot.AskAsync(Deputy, $"/start {token}");

        var refusal = await bot.AskAsync(Stranger, $"/join {token}");

        Assert.Equal("This invitation has already been used; ask for a new one.", refusal.PlainText);
    }

    [Fact]
    public async Task The_command_menus_are_read_from_the_declarations()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.MenusPublishedAsync();
        var declared = bot.Services.GetRequiredService<UpdateRouter>().Commands.Select(c => c.Info.Name).Order(StringComparer.Ordinal);

        var everywhere = bot.Emulator.Commands.Select(c => c.Command).ToList();
        var inPrivate = bot.Emulator.CommandsFor("all_private_chats").Select(c => c.Command).ToList();
        var inGroups = bot.Emulator.CommandsFor("all_group_chats").Select(c => c.Command).ToList();

        Assert.Equal(declared, everywhere);
        Assert.DoesNotContain("linkgroup", inPrivate);
        Assert.Contains("linkgroup", inGroups);
        Assert.Contains("delegations", inPrivate);
        Assert.Contains("delegations", inGroups);
    }

    private static async Task<(int, int, int, int, int)> StateAsync(BotHarness bot)
    {
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        return (
            await db.Memberships.CountAsync(m => m.EndedAt == null),
            await db.Invitations.CountAsync(),
            await db.DelegationGroups.CountAsync(),
            await db.PresidencyOverrides.CountAsync(),
            await db.AuditEntries.CountAsync());
    }
}
