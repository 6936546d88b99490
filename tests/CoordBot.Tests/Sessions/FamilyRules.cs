using CoordBot.Domain.Membership;
using CoordBot.Persistence;
using CoordBot.Telegram.Routing;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoordBot.Tests.Sessions.SessionsTestKit;

namespace CoordBot.Tests.Sessions;

/// <summary>
/// The Sessions and Agenda rules tests: <see cref="DeclaredRules"/> on the Sessions test bot, with a session and an
/// agenda item to act on, and every command of these families in a council chat.
/// </summary>
internal static class FamilyRules
{
    public const long Stranger = 299;

    /// <summary>
    /// Runs the check on the Sessions test bot (S stranger, B observer, A adviser, H head of a delegation not
    /// presiding, O operator, who stands in as chair); <paramref name="admitted"/> pins who each command admits.
    /// </summary>
    public static async Task AssertEnforcedAsync(string featureNamespace, IReadOnlyDictionary<string, string> admitted, IReadOnlyDictionary<string, string> arguments)
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        bot.Emulator.RegisterUser(Stranger, $"User{Stranger}");
        await bot.AskAsync(Chair, "/schedule 2026-11-30 15:00 UTC closed Middle East");
        await bot.AskAsync(Chair, "/agenda_add S1 The situation in Syria");

        var people = new[]
        {
            ('S', new Actor(Stranger, "Stranger", false)),
            ('B', new Actor(EstObserver, "Observer", false, "EST", DelegationRole.Observer)),
            ('A', new Actor(EstAdviser, "Adviser", false, "EST", DelegationRole.Adviser)),
            ('H', new Actor(EstHead, "Head", false, "EST", DelegationRole.Head)),
            ('O', new Actor(BotHarness.OperatorId, "Operator", true)),
        };
        var refusals = await DeclaredRules.AssertEnforcedAsync(bot, [featureNamespace], people, admitted, arguments, async b => await StateAsync(b));
        var commands = bot.Services.GetRequiredService<UpdateRouter>().Commands.Where(c => c.GetType().Namespace == featureNamespace).ToList();
        Assert.All(commands, c => Assert.Equal(ChatScope.CouncilChat, c.Info.Where));
        Assert.True(refusals >= commands.Count, $"only {refusals} refusals were tried");
    }

    private static async Task<(int, int, int, int, int, int)> StateAsync(BotHarness bot)
    {
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        return (
            await db.Sessions.CountAsync(s => s.CancelledAt == null),
            await db.SessionAttendances.CountAsync(),
            await db.AgendaItems.CountAsync(),
            await db.AgendaItems.CountAsync(i => i.Penholders != null),
            await db.AgendaSpeakers.CountAsync(),
            await db.AuditEntries.CountAsync());
    }
}
