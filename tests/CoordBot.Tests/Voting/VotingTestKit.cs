using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoordBot.BotApi;
using CoordBot.Domain.Council;
using CoordBot.Domain.Membership;
using CoordBot.Features.Delegations;
using CoordBot.Features.Voting;
using CoordBot.Persistence;
using CoordBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoordBot.Tests.Voting;

/// <summary>
/// A council on a controlled clock, every head seeded, drafts in memory. The clock starts in the future, so the real
/// Quartz never fires a close during a test: tests run the close job's work directly when they mean it to happen.
/// </summary>
internal static partial class VotingTestKit
{
    public const long Chair = BotHarness.OperatorId;

    /// <summary>Monday 7 January 2030, 12:00 UTC.</summary>
    public static readonly DateTimeOffset T0 = new(2030, 1, 7, 12, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyList<string> Codes = TestCouncil.Codes;

    public static long HeadOf(string code) => TestCouncil.HeadOf(code);

    public static async Task<(BotHarness Bot, FakeTimeProvider Clock, FakeDrafts Drafts)> StartAsync()
    {
        var clock = new FakeTimeProvider(T0);
        var drafts = new FakeDrafts();
        // The emulator's limits are off: a 429 would be retried at "now + retry_after" on the frozen clock, which never comes.
        var bot = await BotHarness.StartAsync(
            emulatorOptions: new BotApiEmulatorOptions { EnforceLimits = false },
            configure: s =>
            {
                s.AddSingleton<TimeProvider>(clock);
                s.AddSingleton<IVotableDrafts>(drafts);
            });
        await TestCouncil.Seed().SeedAsync(bot);

        drafts.AddInBlue(3);
        return (bot, clock, drafts);
    }

    /// <summary>The delegation presiding at the clock's now.</summary>
    public static async Task<string> PresidentAsync(BotHarness bot)
    {
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        return await bot.Services.GetRequiredService<PresidencyService>().PresidentCodeAsync(db, bot.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, CancellationToken.None);
    }

    /// <summary>
    /// <paramref name="userId"/> writes <paramref name="text"/> privately, stamped by Telegram as sent at <paramref name="sentAt"/>
    /// (as a message sent while the bot was down arrives later with its own date).
    /// </summary>
    public static long SendAt(BotHarness bot, long userId, string text, DateTimeOffset sentAt)
    {
        bot.Emulator.RegisterUser(userId, $"User{userId}");
        var user = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = $"User{userId}" };
        var message = new JsonObject
        {
            ["message_id"] = 900000 + (sentAt.ToUnixTimeSeconds() % 100000),
            ["from"] = user,
            ["chat"] = new JsonObject { ["id"] = userId, ["type"] = "private", ["first_name"] = $"User{userId}" },
            ["date"] = sentAt.ToUnixTimeSeconds(),
            ["text"] = text,
        };
        var json = new JsonObject { ["message"] = message }.ToJsonString();
        return bot.Emulator.PostRawUpdate(json);
    }

    /// <summary>As <see cref="SendAt"/>, then waits for the answer to the ballot: its receipt, or why it was not recorded.</summary>
    public static async Task<SentMessage> AskAtAsync(BotHarness bot, long userId, string text, DateTimeOffset sentAt)
    {
        var last = bot.Emulator.MessagesIn(userId).Select(m => m.MessageId).DefaultIfEmpty(0).Max();
        SendAt(bot, userId, text, sentAt);
        return await bot.Emulator.WaitForMessageAsync(userId, m => m.MessageId > last && IsBallotAnswer(m), BotHarness.Patience);
    }

    /// <summary>A receipt ("Estonia voted in favour of D3 v4 ...") or a refusal ("Not recorded: ...").</summary>
    public static bool IsBallotAnswer(SentMessage message) =>
        message.PlainText is { } text && (text.StartsWith("Not recorded", StringComparison.Ordinal) || Receipt().IsMatch(text));

    /// <summary>Runs the close job's work for <paramref name="voteId"/> at the clock's now, as Quartz would.</summary>
    public static async Task<VoteClosing> RunCloseAsync(BotHarness bot, long voteId)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VoteCloseJob>().RunAsync(voteId, CancellationToken.None);
    }

    [GeneratedRegex(@"^[A-Z][\w ]* (voted in favour of|voted against|abstained on) D\d+ v\d+ \(hash ")]
    private static partial Regex Receipt();
}
