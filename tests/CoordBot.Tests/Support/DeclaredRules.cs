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

                Assert.Equal(Access.Sentence(verdict.Reason!), reply.PlainText);
                Assert.Equal(before, await state(bot));
                refusals++;
            }
        }

        return refusals;
    }

    /// <summary>
    /// All of /help, which comes in several messages when it is long (the chair's is): the bot writes a chat's messages
    /// in order, so everything from the first part up to the start of a second /help's answer.
    /// </summary>
    private static async Task<string> HelpAsync(BotHarness bot, long user)
    {
        var first = await bot.AskAsync(user, "/help");
        bot.Send(user, "/help");
        var again = await bot.ReplyAsync(user, m => m.MessageId > first.MessageId && m.PlainText == first.PlainText);
        var parts = bot.Emulator.MessagesIn(user).Where(m => m.MessageId >= first.MessageId && m.MessageId < again.MessageId).ToList();
        // The second answer's last part too, so that no part of it is taken for the answer to the next command.
        await bot.ReplyAsync(user, m => m.MessageId >= again.MessageId && m.PlainText == parts[^1].PlainText);
        return string.Join("\n", parts.Select(m => m.PlainText));
    }
}
