using CoordBot.Domain.Membership;
using CoordBot.Persistence;
using CoordBot.Telegram.Routing;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoordBot.Tests.Voting.VotingTestKit;

namespace CoordBot.Tests.Voting;

/// <summary>
/// The Voting rules test: <see cref="DeclaredRules"/> on a council with a vote open on D3, every Voting command
/// tried by each person in their private chat.
/// </summary>
internal static class FamilyRules
{
    public const long Stranger = 299;
    public const long Observer = 6101;
    public const long Adviser = 6102;

    /// <summary>
    /// S stranger, B observer, A adviser, H head of a delegation not presiding, C head of the presiding delegation,
    /// O operator; <paramref name="admitted"/> pins who each command admits.
    /// </summary>
    public static async Task AssertEnforcedAsync(IReadOnlyDictionary<string, string> admitted, IReadOnlyDictionary<string, string> arguments)
    {
        var (bot, _, _) = await StartAsync();
        await using var __ = bot;
        var president = await PresidentAsync(bot);
        var member = Codes.First(c => c != president);
        bot.Emulator.RegisterUser(Stranger, $"User{Stranger}");
        await bot.SeedMemberAsync(Observer, member, DelegationRole.Observer);
        await bot.SeedMemberAsync(Adviser, member, DelegationRole.Adviser);
        await bot.AskAsync(Chair, "/vote_open D3");

        var people = new[]
        {
            ('S', new Actor(Stranger, "Stranger", false, PresidentCode: president)),
            ('B', new Actor(Observer, "Observer", false, member, DelegationRole.Observer, PresidentCode: president)),
            ('A', new Actor(Adviser, "Adviser", false, member, DelegationRole.Adviser, PresidentCode: president)),
            ('H', new Actor(HeadOf(member), "Head", false, member, DelegationRole.Head, PresidentCode: president)),
            ('C', new Actor(HeadOf(president), "Chair", false, president, DelegationRole.Head, PresidentCode: president)),
            ('O', new Actor(BotHarness.OperatorId, "Operator", true, PresidentCode: president)),
        };
        const string Namespace = "CoordBot.Features.Voting";
        var refusals = await DeclaredRules.AssertEnforcedAsync(bot, [Namespace], people, admitted, arguments, async b => await StateAsync(b));
        var commands = bot.Services.GetRequiredService<UpdateRouter>().Commands.Where(c => c.GetType().Namespace == Namespace).ToList();
        Assert.All(commands, c => Assert.Equal(ChatScope.CouncilChat, c.Info.Where));
        Assert.True(refusals >= commands.Count, $"only {refusals} refusals were tried");
    }

    private static async Task<(int, int, int, int, int, int)> StateAsync(BotHarness bot)
    {
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        return (
            await db.Votes.CountAsync(),
            await db.Votes.CountAsync(v => v.ClosedAt != null),
            await db.Ballots.CountAsync(),
            // A ballot the rule refuses is written to the log as evidence (a Refused entry); nothing else changes.
            await db.BallotLog.CountAsync(e => e.Kind != Domain.Voting.BallotEntryKind.Refused),
            await db.Explanations.CountAsync(),
            await db.AuditEntries.CountAsync());
    }
}
