using System.Text.Json.Nodes;
using CoordBot.BotApi;
using CoordBot.Features.Voting;
using CoordBot.Localization;
using CoordBot.Persistence;
using CoordBot.Tests.Drafts;
using CoordBot.Tests.Support;
using CoordBot.Tests.Voting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoordBot.Tests.Ballots;

/// <summary>
/// A council of fifteen heads on a test clock (the real Quartz fires when the test moves it), drafts in memory with D3 in
/// blue. Each delegation's group is linked unless it is named in <c>withoutGroups</c>.
/// </summary>
internal sealed class BallotsTestKit : IAsyncDisposable
{
    public const long Chair = BotHarness.OperatorId;

    /// <summary>Monday 7 January 2030, 12:00 UTC.</summary>
    public static readonly DateTimeOffset T0 = new(2030, 1, 7, 12, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyList<string> Codes = TestCouncil.Codes;

    private BallotsTestKit(BotHarness bot, FakeTimeProvider clock, FakeDrafts drafts)
    {
        Bot = bot;
        Clock = clock;
        Drafts = drafts;
    }

    public BotHarness Bot { get; }

    public FakeTimeProvider Clock { get; }

    public FakeDrafts Drafts { get; }

    public static long HeadOf(string code) => TestCouncil.HeadOf(code);

    public static long DeputyOf(string code) => TestCouncil.DeputyOf(code);

    public static long AdviserOf(string code) => TestCouncil.AdviserOf(code);

    public static long GroupOf(string code) => TestCouncil.GroupOf(code);

    public static async Task<BallotsTestKit> StartAsync(IDictionary<string, string?>? settings = null, IReadOnlyCollection<string>? withoutGroups = null, bool advisers = false)
    {
        var clock = new FakeTimeProvider(T0);
        var drafts = new FakeDrafts();
        var bot = await BotHarness.StartAsync(
            settings,
            new BotApiEmulatorOptions { EnforceLimits = false },
            s =>
            {
                s.AddSingleton<TimeProvider>(clock);
                s.AddSingleton<IVotableDrafts>(drafts);
            });
        var council = TestCouncil.Seed().WithGroups(except: withoutGroups ?? []);
        await (advisers ? council.WithAdvisers() : council).SeedAsync(bot);

        drafts.AddInBlue(3);
        return new BallotsTestKit(bot, clock, drafts);
    }

    /// <summary>The ballot paper in a head's private chat.</summary>
    public Task<SentMessage> BallotAsync(long userId) =>
        Bot.MessageStartingWithCatalogueAsync(userId, "Voting.BallotPaper");

    /// <summary>A reminder to vote in <paramref name="chatId"/>: the group's, or a member's own.</summary>
    public Task<SentMessage> ReminderAsync(long chatId) =>
        Bot.ReplyAsync(chatId, IsReminder);

    /// <summary>True for a reminder to vote, in a group or privately (English).</summary>
    public static bool IsReminder(SentMessage message) =>
        CatalogueText.StartsWith(Languages.English, "Voting.GroupReminder", message.Text) || CatalogueText.StartsWith(Languages.English, "Voting.PrivateReminder", message.Text);

    /// <summary>Presses a button under a message and waits for the next message the bot writes in that chat.</summary>
    public async Task<SentMessage> PressAsync(long chatId, long userId, SentMessage under, string data)
    {
        var last = Bot.Emulator.MessagesIn(chatId).Select(m => m.MessageId).DefaultIfEmpty(0).Max();
        Bot.Emulator.PressButton(chatId, userId, under.MessageId, data);
        return await Bot.ReplyAsync(chatId, m => m.MessageId > last);
    }

    /// <summary>The message <paramref name="under"/> once the bot has edited it as <paramref name="predicate"/> expects.</summary>
    public Task<SentMessage> EditedAsync(SentMessage under, Func<SentMessage, bool> predicate) =>
        Bot.ReplyAsync(under.ChatId, m => m.MessageId == under.MessageId && m.EditCount > under.EditCount && predicate(m));

    /// <summary>A press of a button the message does not carry (a forged or stale press), then the next message in that chat.</summary>
    public async Task<SentMessage> ForgeAsync(long chatId, long userId, SentMessage under, string data)
    {
        var last = Bot.Emulator.MessagesIn(chatId).Select(m => m.MessageId).DefaultIfEmpty(0).Max();
        var query = new JsonObject
        {
            ["id"] = $"forged-{Guid.NewGuid():N}",
            ["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = $"User{userId}" },
            ["message"] = new JsonObject
            {
                ["message_id"] = under.MessageId,
                ["date"] = under.Date.ToUnixTimeSeconds(),
                ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = $"User{chatId}" },
                ["text"] = under.PlainText,
            },
            ["chat_instance"] = "1",
            ["data"] = data,
        };
        Bot.Emulator.PostRawUpdate(new JsonObject { ["callback_query"] = query }.ToJsonString());
        return await Bot.ReplyAsync(chatId, m => m.MessageId > last);
    }

    public async Task<Vote> VoteAsync()
    {
        await using var db = await Bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        return await db.Votes.AsNoTracking().SingleAsync();
    }

    public async Task<List<BallotLogEntry>> LogAsync()
    {
        await using var db = await Bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        return await db.BallotLog.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    /// <summary>Every delegation but the named ones votes yes by typing.</summary>
    public async Task EveryoneVotesYesExceptAsync(params string[] except)
    {
        foreach (var code in Codes.Where(c => !except.Contains(c)))
        {
            await Bot.AskAsync(HeadOf(code), "/vote D3 yes");
        }
    }

    public ValueTask DisposeAsync() => Bot.DisposeAsync();
}
