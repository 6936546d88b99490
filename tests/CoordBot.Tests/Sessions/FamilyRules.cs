using CoordBot.Domain.Membership;
using CoordBot.Persistence;
using CoordBot.Telegram.Routing;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoordBot.Tests.Sessions.SessionsTestKit;
using Actor = CoordBot.Telegram.Routing.Actor;

namespace CoordBot.Tests.Sessions;

/// <summary>
/// The check behind the Sessions and Agenda rules tests: for every command of one feature's namespace, the rule it
/// declares is the one the running bot enforces. Whoever the rule refuses gets the domain's reason and changes
/// nothing, and /help does not offer them the command; whoever it admits sees it in /help.
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

        var commands = bot.Services.GetRequiredService<UpdateRouter>().Commands.Where(c => c.GetType().Namespace == featureNamespace).ToList();
        Assert.All(commands, c => Assert.True(c.Info.IsDeclared, $"/{c.Info.Name} declares no rule"));
        Assert.All(commands, c => Assert.Equal(ChatScope.CouncilChat, c.Info.Where));
        Assert.Equal(admitted.Keys.Order(StringComparer.Ordinal), commands.Select(c => c.Info.Name).Order(StringComparer.Ordinal));

        var people = new[]
        {
            ('S', new Actor(Stranger, "Stranger", false)),
            ('B', new Actor(EstObserver, "Observer", false, "EST", DelegationRole.Observer)),
            ('A', new Actor(EstAdviser, "Adviser", false, "EST", DelegationRole.Adviser)),
            ('H', new Actor(EstHead, "Head", false, "EST", DelegationRole.Head)),
            ('O', new Actor(BotHarness.OperatorId, "Operator", true)),
        };
        var refusals = 0;
        foreach (var (letter, person) in people)
        {
            var help = (await bot.AskAsync(person.UserId, "/help")).PlainText!;
            foreach (var command in commands)
            {
                var verdict = command.Info.Rule!(person);
                Assert.True(verdict.IsAllowed == admitted[command.Info.Name].Contains(letter, StringComparison.Ordinal), $"/{command.Info.Name} for {letter}: {verdict}");
                var listed = help.Contains($"{command.Info.Usage} — ", StringComparison.Ordinal);
                Assert.True(verdict.IsAllowed == listed, $"/help for user {person.UserId} {(listed ? "lists" : "hides")} /{command.Info.Name}, whose rule says {verdict}");
                if (verdict.IsAllowed)
                {
                    continue;
                }

                var before = await StateAsync(bot);
                var reply = await bot.AskAsync(person.UserId, $"/{command.Info.Name} {arguments.GetValueOrDefault(command.Info.Name, string.Empty)}".TrimEnd());

                Assert.Equal(Access.Sentence(verdict.Reason!), reply.PlainText);
                Assert.Equal(before, await StateAsync(bot));
                refusals++;
            }
        }

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
