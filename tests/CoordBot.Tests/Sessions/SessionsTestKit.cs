using CoordBot.BotApi;
using CoordBot.Domain.Membership;
using CoordBot.Domain.Sessions;
using CoordBot.Features.Sessions;
using CoordBot.Persistence;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoordBot.Tests.Sessions;

/// <summary>A bot on a controlled clock, with Estonia (group linked) and France (no group: its members get messages privately).</summary>
internal static class SessionsTestKit
{
    public const long EstGroup = -1001;
    public const long EstHead = 201;
    public const long EstAdviser = 202;
    public const long EstObserver = 203;
    public const long FraHead = 301;
    public const long FraAdviser = 302;
    public const long Chair = BotHarness.OperatorId;

    /// <summary>Monday 23 November 2026, 12:00 UTC.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static Task<(BotHarness Bot, FakeTimeProvider Clock)> StartAsync(params (string Key, string Value)[] settings) => StartAtAsync(T0, settings);

    public static async Task<(BotHarness Bot, FakeTimeProvider Clock)> StartAtAsync(DateTimeOffset now, params (string Key, string Value)[] settings)
    {
        var clock = new FakeTimeProvider(now);
        // The emulator's limits are off: the bot's own throttle still paces it, but a 429 would be retried at
        // "now + retry_after" on the frozen fake clock, which never comes, and stall that chat for good.
        var bot = await BotHarness.StartAsync(
            settings.ToDictionary(s => s.Key, s => (string?)s.Value),
            new BotApiEmulatorOptions { EnforceLimits = false },
            configure: s => s.AddSingleton<TimeProvider>(clock));
        await bot.SeedMemberAsync(EstHead, "EST", DelegationRole.Head, "Sven", "Europe/Tallinn");
        await bot.SeedMemberAsync(EstAdviser, "EST", DelegationRole.Adviser, "Kadri", "Europe/Tallinn");
        await bot.SeedMemberAsync(EstObserver, "EST", DelegationRole.Observer, "Olev", "Europe/Tallinn");
        await bot.SeedMemberAsync(FraHead, "FRA", DelegationRole.Head, "Nicolas", "America/New_York");
        await bot.SeedMemberAsync(FraAdviser, "FRA", DelegationRole.Adviser, "Anne", "America/New_York");
        await bot.LinkGroupAsync("EST", EstGroup);
        return (bot, clock);
    }

    public static async Task<long> InsertSessionAsync(BotHarness bot, DateTime startUtc, SessionFormat format = SessionFormat.Closed, string? convenor = null)
    {
        var session = new Session { Title = "Situation in Libya", Format = format, StartUtc = startUtc, DurationMinutes = 60, ZoneId = "UTC", ConvenorCode = convenor, CreatedBy = Chair };
        await bot.Services.GetRequiredService<UnitOfWork>().RunAsync((db, _) =>
        {
            db.Sessions.Add(session);
            return Task.CompletedTask;
        }, CancellationToken.None);
        return session.Id;
    }

    public static async Task<T> ReadAsync<T>(BotHarness bot, Func<CoordBotDb, Task<T>> query)
    {
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        return await query(db);
    }

    public static Task<int> SessionCountAsync(BotHarness bot) => ReadAsync(bot, db => db.Sessions.CountAsync());

    /// <summary>The bot's messages in <paramref name="chat"/> that contain <paramref name="text"/> (to count them once the waits are done).</summary>
    public static IReadOnlyList<SentMessage> Containing(BotHarness bot, long chat, string text) =>
        bot.Emulator.MessagesIn(chat).Where(m => (m.PlainText ?? m.Text ?? string.Empty).Contains(text, StringComparison.Ordinal)).ToList();
}
