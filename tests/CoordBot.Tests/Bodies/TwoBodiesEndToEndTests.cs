using CoordBot.BotApi;
using CoordBot.Domain.Membership;
using CoordBot.Features.Delegations;
using CoordBot.Persistence;
using CoordBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoordBot.Tests.Bodies;

/// <summary>
/// Issue 25 end to end: one bot serving the Council and its 1718 Committee. Estonia's head sits on both, France's only
/// on the Council, Germany's only on the Committee. A draft and a vote in each body; the one person in both is asked
/// which body when it is not clear and never otherwise; nothing of one body reaches a member of the other only.
/// </summary>
public sealed class TwoBodiesEndToEndTests
{
    private const long Estonia = 7001;
    private const long France = 7002;
    private const long Germany = 7003;
    private const long CommitteeGroup = -7100;
    private const string CouncilTitle = "Council text on Haiti";
    private const string CommitteeTitle = "Committee text on DPRK";

    [Fact]
    public async Task Two_bodies_share_a_person_and_nothing_else()
    {
        using var directory = new TempDirectory();
        var settings = new Dictionary<string, string?>
        {
            ["Bodies:0:File"] = BodyFiles.Write(directory, "unsc", "Council", "Security Council"),
            ["Bodies:1:File"] = BodyFiles.Write(directory, "1718", "1718 Committee", "Security Council Committee established pursuant to resolution 1718 (2006)"),
            ["Delivery:PrivatePerSecond"] = "50",
            ["Delivery:GroupPerMinute"] = "600",
            ["Delivery:GlobalPerSecond"] = "500",
        };
        await using var bot = await BotHarness.StartAsync(settings, new BotApiEmulatorOptions { EnforceLimits = false });
        await bot.SeedMemberAsync(Estonia, "EST", DelegationRole.Head, "Head of EST", timeZone: null, bodyId: 1);
        await bot.SeedMemberAsync(Estonia, "EST", DelegationRole.Head, "Head of EST", timeZone: null, bodyId: 2);
        await bot.SeedMemberAsync(France, "FRA", DelegationRole.Head, "Head of FRA", timeZone: null, bodyId: 1);
        await bot.SeedMemberAsync(Germany, "DEU", DelegationRole.Head, "Head of DEU", timeZone: null, bodyId: 2);
        await LinkAsync(bot, "EST", 2, CommitteeGroup);
        var chair = BotHarness.OperatorId;

        // A person in two bodies is asked which body a new draft is for, with a button per body...
        var asked = await bot.AskForCatalogueAsync(Estonia, "/draft_new Unclear\nWhich body?", "Bodies.Which");
        Assert.Equal(["Council", "1718 Committee"], asked.Buttons.Select(b => b.Text));
        // ...or names it first; a person in one body is never asked.
        await AskContainingAsync(bot, Estonia, $"/draft_new unsc {CouncilTitle}\nThe Security Council,", "D1");
        await AskContainingAsync(bot, Estonia, $"/draft_new 1718 {CommitteeTitle}\nThe Committee,", "D2");
        await AskContainingAsync(bot, France, "/draft_new France alone\nThe Security Council,", "D3");

        // A vote in each body: the ids name their body, so nobody types a key.
        foreach (var draft in (string[])["D1", "D2"])
        {
            await bot.AskAsync(Estonia, $"/circulate {draft}");
            await bot.AskAsync(Estonia, $"/blue {draft}");
            await bot.AskAsync(chair, $"/vote_open {draft} substantive 24h");
        }

        await bot.AskAsync(France, "/vote D1 yes");
        await bot.AskAsync(Germany, "/vote D2 yes");
        await bot.AskAsync(Estonia, "/vote D2 abstain");

        // A member of one body learns nothing of the other's drafts and votes, even asking by id.
        await AskLackingAsync(bot, France, "/draft D2", CommitteeTitle);
        await AskLackingAsync(bot, France, "/tally D2", CommitteeTitle);
        await AskLackingAsync(bot, Germany, "/draft D1", CouncilTitle);
        await AskLackingAsync(bot, Germany, "/drafts", CouncilTitle);
        // The linked group of the Committee acts only in the Committee.
        var groupList = await bot.AskAsync(Estonia, "/drafts", CommitteeGroup);
        Assert.Contains(CommitteeTitle, groupList.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain(CouncilTitle, groupList.PlainText, StringComparison.Ordinal);

        // /bodies: both bodies for everyone; what is open only in one's own.
        var bodies = await bot.AskAsync(France, "/bodies");
        Assert.Contains("1718 Committee", bodies.PlainText, StringComparison.Ordinal);
        Assert.Equal(2, bodies.PlainText!.Split("Open:").Length);
        var both = await bot.AskAsync(Estonia, "/bodies");
        Assert.Equal(3, both.PlainText!.Split("Open:").Length);

        // /today covers every body of the person, each part under the body's short name; one body's person sees theirs alone.
        var today = await bot.AskAsync(Estonia, "/today");
        Assert.Contains("[Council]", today.PlainText, StringComparison.Ordinal);
        Assert.Contains("[1718 Committee]", today.PlainText, StringComparison.Ordinal);
        Assert.True(today.PlainText!.IndexOf("D1", StringComparison.Ordinal) < today.PlainText.IndexOf("[1718 Committee]", StringComparison.Ordinal));
        var franceToday = await bot.AskAsync(France, "/today");
        Assert.DoesNotContain("[Council]", franceToday.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("D2", franceToday.PlainText, StringComparison.Ordinal);

        // Nothing the bot ever sent France names the Committee's draft, nor anything sent Germany the Council's.
        Assert.All(bot.Emulator.MessagesIn(France), m => Assert.DoesNotContain(CommitteeTitle, m.PlainText ?? m.Text ?? string.Empty, StringComparison.Ordinal));
        Assert.All(bot.Emulator.MessagesIn(Germany), m => Assert.DoesNotContain(CouncilTitle, m.PlainText ?? m.Text ?? string.Empty, StringComparison.Ordinal));
        Assert.Contains(bot.Emulator.MessagesIn(France), m => (m.PlainText ?? string.Empty).Contains(CouncilTitle, StringComparison.Ordinal));
        Assert.Contains(bot.Emulator.MessagesIn(Germany), m => (m.PlainText ?? string.Empty).Contains(CommitteeTitle, StringComparison.Ordinal));
    }

    private static async Task AskContainingAsync(BotHarness bot, long user, string text, string expected)
    {
        var mark = bot.LastMessageId(user);
        bot.Send(user, text);
        await bot.ReplyAsync(user, m => m.MessageId > mark && (m.PlainText ?? m.Text ?? string.Empty).Contains(expected, StringComparison.Ordinal));
    }

    private static async Task AskLackingAsync(BotHarness bot, long user, string text, string secret)
    {
        var reply = await bot.AskAsync(user, text);
        Assert.DoesNotContain(secret, reply.PlainText ?? reply.Text ?? string.Empty, StringComparison.Ordinal);
    }

    private static async Task LinkAsync(BotHarness bot, string code, int bodyId, long chatId)
    {
        bot.Emulator.RegisterGroup(chatId, $"{code} in the committee");
        var now = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await bot.Services.GetRequiredService<UnitOfWork>().RunAsync((db, ct) =>
        {
            db.DelegationGroups.Add(new DelegationGroup { BodyId = bodyId, DelegationCode = code, ChatId = chatId, Title = $"{code} in the committee", LinkedBy = BotHarness.OperatorId, LinkedAt = now });
            return Task.CompletedTask;
        }, CancellationToken.None);
    }
}
