using CoordBot.BotApi;
using CoordBot.Domain.Membership;
using CoordBot.Persistence;
using CoordBot.Telegram.Routing;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoordBot.Tests.Drafts;

/// <summary>
/// The Drafts rules tests: <see cref="DeclaredRules"/> on a council where Estonia holds the pen of D1 (circulated to
/// France, with an amendment M1 from France), China presides this month, and every Drafts command is sent in a
/// private chat.
/// </summary>
internal static class FamilyRules
{
    public const string Namespace = "CoordBot.Features.Drafts";
    public const long Stranger = 4999;
    public const long EstHead = 4001;
    public const long EstAdviser = 4002;
    public const long EstObserver = 4003;
    public const long FraHead = 4004;
    public const long ChnHead = 4005;
    public const long UsaHead = 4006;

    /// <summary>Tuesday 24 November 2026, 10:00 UTC: the month China is made to preside.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    /// <summary>S stranger, B observer (EST), A adviser (EST), H head (EST, penholder, not presiding), C head of the presiding delegation (CHN), O operator.</summary>
    public static readonly IReadOnlyList<(char Letter, Actor Person)> People =
    [
        ('S', new Actor(Stranger, "Stranger", false)),
        ('B', new Actor(EstObserver, "Observer", false, "EST", DelegationRole.Observer, PresidentCode: "CHN")),
        ('A', new Actor(EstAdviser, "Adviser", false, "EST", DelegationRole.Adviser, PresidentCode: "CHN")),
        ('H', new Actor(EstHead, "Head", false, "EST", DelegationRole.Head, PresidentCode: "CHN")),
        ('C', new Actor(ChnHead, "Chair", false, "CHN", DelegationRole.Head, PresidentCode: "CHN")),
        ('O', new Actor(BotHarness.OperatorId, "Operator", true, PresidentCode: "CHN")),
    ];

    /// <summary>The council above, with D1 (EST's, circulated to FRA) and M1 (FRA's amendment to it).</summary>
    public static async Task<BotHarness> CouncilAsync()
    {
        var bot = await BotHarness.StartAsync(
            new Dictionary<string, string?> { ["Delivery:GroupPerMinute"] = "600", ["Delivery:PrivatePerSecond"] = "20" },
            new BotApiEmulatorOptions { GroupPerMinute = 600, PrivatePerSecond = 20, PrivateBurst = 20 },
            configure: s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
        bot.Emulator.RegisterUser(Stranger, $"User{Stranger}");
        await bot.SeedMemberAsync(EstHead, "EST", DelegationRole.Head, "Sven");
        await bot.SeedMemberAsync(EstAdviser, "EST", DelegationRole.Adviser, "Kadri");
        await bot.SeedMemberAsync(EstObserver, "EST", DelegationRole.Observer, "Olev");
        await bot.SeedMemberAsync(FraHead, "FRA", DelegationRole.Head, "Nicolas");
        await bot.SeedMemberAsync(ChnHead, "CHN", DelegationRole.Head, "Jun");
        await bot.SeedMemberAsync(UsaHead, "USA", DelegationRole.Head, "Kelly");
        Assert.Contains("will preside", (await bot.AskAsync(BotHarness.OperatorId, "/setpresident CHN 2026-11")).PlainText, StringComparison.Ordinal);
        Assert.Contains("Created D1", (await bot.AskAsync(EstHead, "/draft_new Press statement\nThe Council welcomes the agreement.\n\nThe Council calls for calm.")).PlainText, StringComparison.Ordinal);
        Assert.Contains("circulated to 1 delegation", (await bot.AskAsync(EstHead, "/circulate D1 FRA")).PlainText, StringComparison.Ordinal);
        await NoticeAsync(bot, FraHead, "Drafts.Circulated", "Circulated by");
        Assert.Contains("Amendment M1", (await bot.AskAsync(FraHead, "/amend D1 §2 The Council calls for restraint.")).PlainText, StringComparison.Ordinal);

        // Estonia's members hear of M1 privately: waited for, so that no later answer in their chats is mistaken for it.
        await NoticeAsync(bot, EstHead, "Drafts.Amend.Notice", "Decide with /accept M1");
        await NoticeAsync(bot, EstAdviser, "Drafts.Amend.Notice", "Decide with /accept M1");
        return bot;
    }

    /// <summary>
    /// Waits for a message holding the catalogue entry <paramref name="key"/> in a chat, then checks that it says
    /// <paramref name="text"/>: a reworded notice shows as a difference, not as a wait that times out.
    /// </summary>
    public static async Task NoticeAsync(BotHarness bot, long chat, string key, string text) =>
        Assert.Contains(text, (await bot.MessageWithCatalogueAsync(chat, key)).PlainText, StringComparison.Ordinal);

    /// <summary>What no refusal may change: drafts and their state, versions, comments, amendments and their decisions, circulation, audit.</summary>
    public static async Task<object> StateAsync(BotHarness bot)
    {
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        var drafts = await db.Drafts.AsNoTracking().OrderBy(d => d.Id).Select(d => $"{d.Id}:{d.Status}:{d.CurrentVersion}:{d.SilenceDeadlineUtc}").ToListAsync();
        var amendments = await db.DraftAmendments.AsNoTracking().OrderBy(m => m.Id).Select(m => $"{m.Id}:{m.Status}").ToListAsync();
        return (
            string.Join(",", drafts),
            string.Join(",", amendments),
            await db.DraftVersions.CountAsync(),
            await db.DraftComments.CountAsync(),
            await db.DraftCirculations.CountAsync(),
            await db.AuditEntries.CountAsync());
    }

    /// <summary>Runs the check: <paramref name="admitted"/> pins who each command admits.</summary>
    public static async Task AssertEnforcedAsync(IReadOnlyDictionary<string, string> admitted, IReadOnlyDictionary<string, string> arguments)
    {
        await using var bot = await CouncilAsync();
        var refusals = await DeclaredRules.AssertEnforcedAsync(bot, [Namespace], People, admitted, arguments, StateAsync);
        var commands = bot.Services.GetRequiredService<UpdateRouter>().Commands.Where(c => c.GetType().Namespace == Namespace).ToList();
        Assert.All(commands, c => Assert.Equal(ChatScope.CouncilChat, c.Info.Where));
        Assert.True(refusals >= commands.Count, $"only {refusals} refusals were tried");
    }
}
