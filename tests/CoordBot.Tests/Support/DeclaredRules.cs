using CoordBot.Telegram.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoordBot.Tests.Support;

/// <summary>
/// The check behind every family's rules test: for each command of one feature, the rule it declares is the
/// one the running bot enforces. Whoever the rule refuses gets the domain's reason and changes nothing, and
/// /help does not offer them the command; whoever it admits sees it in /help.
/// </summary>
internal static class DeclaredRules
{
    /// <summary>
    /// Checks every command whose handler lives in one of <paramref name="namespaces"/>. <paramref name="admitted"/>
    /// pins, per command, the letters of the <paramref name="people"/> its rule admits, so the rules themselves
    /// are pinned too; <paramref name="state"/> reads what a refusal must leave unchanged. Returns how many
    /// refusals were tried.
    /// </summary>
    public static async Task<int> AssertEnforcedAsync(
        BotHarness bot,
        IReadOnlyCollection<string> namespaces,
        IReadOnlyList<(char Letter, Actor Person)> people,
        IReadOnlyDictionary<string, string> admitted,
        IReadOnlyDictionary<string, string> arguments,
        Func<BotHarness, Task<object>> state,
        Func<CommandInfo, Actor, long>? chatFor = null)
    {
        var commands = bot.Services.GetRequiredService<UpdateRouter>().Commands
            .Where(c => namespaces.Contains(c.GetType().Namespace!))
            .ToList();
        Assert.Equal(admitted.Keys.Order(StringComparer.Ordinal), commands.Select(c => c.Info.Name).Order(StringComparer.Ordinal));

        var refusals = 0;
        foreach (var (letter, person) in people)
        {
            var help = await HelpAsync(bot, person.UserId);
            foreach (var command in commands)
            {
                var verdict = command.Info.Rule(person);
                Assert.True(verdict.IsAllowed == admitted[command.Info.Name].Contains(letter, StringComparison.Ordinal), $"/{command.Info.Name} for {letter}: {verdict}");
                var listed = help.Contains($"{command.Info.Usage} — ", StringComparison.Ordinal);
                Assert.True(verdict.IsAllowed == listed, $"/help for user {person.UserId} {(listed ? "lists" : "hides")} /{command.Info.Name}, whose rule says {verdict}");
                if (verdict.IsAllowed)
                {
                    continue;
                }

                var chat = chatFor?.Invoke(command.Info, person) ?? person.UserId;
                var before = await state(bot);
                var reply = await bot.AskAsync(person.UserId, $"/{command.Info.Name} {arguments.GetValueOrDefault(command.Info.Name, string.Empty)}".TrimEnd(), chat);

                Assert.Equal(CoordBot.Localization.Reasons.Sentence(CoordBot.Localization.Languages.English, verdict.Reason!), reply.PlainText);
                Assert.Equal(before, await state(bot));
                refusals++;
            }
        }

        return refusals;
    }

    /// <summary>All of /help: each group's page (<c>/help sessions</c>, ...), where each command is listed with its form.</summary>
    private static async Task<string> HelpAsync(BotHarness bot, long user)
    {
        var pages = new List<string>();
        foreach (var topic in CoordBot.Features.Welcome.HelpTopics.All)
        {
            pages.Add((await bot.AskAsync(user, "/help " + topic)).PlainText!);
        }

        return string.Join("\n", pages);
    }
}
