using System.Threading.Channels;
using CoordBot.BotApi;
using CoordBot.Domain.Voting;
using CoordBot.Features.Delegations;
using CoordBot.Features.Voting;
using CoordBot.Operations;
using CoordBot.Operations.Retention;
using CoordBot.Persistence;
using CoordBot.Scheduling;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace CoordBot.Tests.Operations;

public sealed class RetentionTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task The_sweep_deletes_only_old_handled_updates_sent_messages_long_expired_invitations_lapsed_guides_and_idle_live_messages()
    {
        // The whole host on its database (SQLite, or PostgreSQL in the .ci run's second pass), frozen at Now: the sweep's
        // deletes are the engine's own SQL, so each engine runs them.
        await using var bot = await BotHarness.StartAsync(
            emulatorOptions: new BotApiEmulatorOptions { EnforceLimits = false },
            configure: s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(Now))));
        var unitOfWork = bot.Services.GetRequiredService<UnitOfWork>();
        await unitOfWork.RunAsync(async (db, ct) =>
        {
            db.InboxUpdates.AddRange(
                Update(1, processedDaysAgo: 15),
                Update(2, processedDaysAgo: 13),
                Update(3, processedDaysAgo: null, receivedDaysAgo: 40),
                Update(4, processedDaysAgo: 20, error: "boom"));
            db.OutboxMessages.AddRange(
                Message(OutboxStatus.Sent, daysAgo: 15),
                Message(OutboxStatus.Sent, daysAgo: 13),
                Message(OutboxStatus.Pending, daysAgo: 40),
                Message(OutboxStatus.Failed, daysAgo: 40));
            db.Invitations.AddRange(
                Invitation("expired-long-ago", createdDaysAgo: 3 + 31),
                Invitation("expired-recently", createdDaysAgo: 3 + 29),
                Invitation("used-long-ago", createdDaysAgo: 100, usedDaysAgo: 99),
                Invitation("still-valid", createdDaysAgo: 1));
            db.Set<Telegram.Guides.GuideState>().AddRange(
                new Telegram.Guides.GuideState { ChatId = 1, UserId = 1, Command = "invite", StartedAt = Now.AddHours(-2), ExpiresAt = Now.AddHours(-1) },
                new Telegram.Guides.GuideState { ChatId = 2, UserId = 2, Command = "invite", StartedAt = Now.AddMinutes(-5), ExpiresAt = Now.AddMinutes(25) });
            db.Set<Telegram.Delivery.LiveMessage>().AddRange(
                new Telegram.Delivery.LiveMessage { ChatId = 1, Topic = "attendance:S1", OutboxMessageId = 1, UpdatedAt = Now.AddDays(-15) },
                new Telegram.Delivery.LiveMessage { ChatId = 1, Topic = "attendance:S2", OutboxMessageId = 2, UpdatedAt = Now.AddDays(-13) });
            var vote = new Vote { DraftId = 1, Version = 1, Title = "t", Text = "x", TextHash = "h", VotingCodes = "EST", OpenedAt = Now.AddDays(-400), ClosesAt = Now.AddDays(-399), ClosedAt = Now.AddDays(-399) };
            db.Votes.Add(vote);
            await db.SaveChangesAsync(ct);
            var entry = BallotLog.Append([], vote.LogId, "EST", 7, VoteChoice.Yes, BallotEntryKind.Cast, null, Now.AddDays(-400));
            db.BallotLog.Add(BallotLogEntry.From(vote.Id, entry));
            db.Ballots.Add(new Ballot { VoteId = vote.Id, DelegationCode = "EST", Choice = VoteChoice.Yes, CastBy = 7, CastAt = Now.AddDays(-400) });
        }, CancellationToken.None);

        var result = await bot.Services.GetRequiredService<RetentionSweep>().RunAsync(CancellationToken.None);

        Assert.Equal(new RetentionResult(Updates: 2, Messages: 1, Invitations: 1, LapsedGuides: 1, LiveMessages: 1), result);
        await using var after = await unitOfWork.ReadAsync(CancellationToken.None);
        Assert.Equal([2L, 3L], await after.InboxUpdates.OrderBy(u => u.UpdateId).Select(u => u.UpdateId).ToListAsync());
        Assert.Equal(
            [(OutboxStatus.Sent, Now.AddDays(-13)), (OutboxStatus.Pending, Now.AddDays(-40)), (OutboxStatus.Failed, Now.AddDays(-40))],
            (await after.OutboxMessages.Where(m => m.ChatId == 1).OrderBy(m => m.Id).ToListAsync()).Select(m => (m.Status, m.CreatedAt)));
        Assert.Equal(["expired-recently", "still-valid", "used-long-ago"], await after.Invitations.OrderBy(i => i.Token).Select(i => i.Token).ToListAsync());
        Assert.Equal(["attendance:S2"], await after.Set<Telegram.Delivery.LiveMessage>().Select(m => m.Topic).ToListAsync());
        Assert.Equal(1, await after.Votes.CountAsync());
        Assert.Equal(1, await after.BallotLog.CountAsync());
        Assert.Equal(1, await after.Ballots.CountAsync());
    }

    [Fact]
    public async Task The_retention_job_runs_every_interval_on_the_controlled_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(Now));
        var executed = Channel.CreateUnbounded<DateTimeOffset>();
        await using var bot = await BotHarness.StartAsync(
            new Dictionary<string, string?> { ["Operations:Retention:Interval"] = "06:00:00", ["Operations:Retention:ProcessedUpdates"] = "1.00:00:00" },
            new BotApiEmulatorOptions { EnforceLimits = false },
            configure: s => s.AddSingleton<TimeProvider>(clock));
        var scheduler = bot.Services.GetRequiredService<IJobScheduler>();
        var quartz = await bot.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        quartz.ListenerManager.AddJobListener(new ExecutedListener(executed.Writer, clock), GroupMatcher<JobKey>.GroupEquals(RetentionJob.Key.Group));
        Assert.Equal(clock.GetUtcNow().AddHours(6), await scheduler.GetDueAtAsync(RetentionJob.Key, CancellationToken.None));
        await Store(bot, Update(10, processedDaysAgo: 2));

        clock.Advance(TimeSpan.FromHours(6));
        var first = await executed.Reader.ReadAsync().AsTask().WaitAsync(BotHarness.Patience);
        await Store(bot, Update(11, processedDaysAgo: 2));
        clock.Advance(TimeSpan.FromHours(6));
        var second = await executed.Reader.ReadAsync().AsTask().WaitAsync(BotHarness.Patience);

        Assert.Equal(TimeSpan.FromHours(6), second - first);
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        Assert.False(await db.InboxUpdates.AnyAsync(u => u.UpdateId == 10 || u.UpdateId == 11));
    }

    private static Task Store(BotHarness bot, InboxUpdate update) =>
        bot.Services.GetRequiredService<UnitOfWork>().RunAsync((db, _) =>
        {
            // Relative to the bot's clock, which has moved on since Now.
            var shift = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime - Now;
            update.ReceivedAt += shift;
            update.ProcessedAt += shift;
            db.InboxUpdates.Add(update);
            return Task.CompletedTask;
        }, CancellationToken.None);

    private static InboxUpdate Update(long id, int? processedDaysAgo, int receivedDaysAgo = 0, string? error = null) => new()
    {
        UpdateId = id,
        Payload = "{}",
        ReceivedAt = Now.AddDays(-Math.Max(receivedDaysAgo, processedDaysAgo ?? 0)),
        ProcessedAt = processedDaysAgo is { } days ? Now.AddDays(-days) : null,
        Error = error,
    };

    private static OutboxMessage Message(OutboxStatus status, int daysAgo) => new()
    {
        ChatId = 1,
        Kind = OutboxKind.Text,
        Text = "x",
        Status = status,
        CreatedAt = Now.AddDays(-daysAgo),
        // Tried once and told to wait, so the running host's delivery leaves it alone (a row never tried goes at once,
        // whatever time is stamped on it) and the sweep alone decides what becomes of it.
        Attempts = 1,
        NextAttemptAt = Now.AddDays(1),
        SentAt = status == OutboxStatus.Sent ? Now.AddDays(-daysAgo) : null,
    };

    private static Invitation Invitation(string token, int createdDaysAgo, int? usedDaysAgo = null) => new()
    {
        Token = token,
        DelegationCode = "EST",
        CreatedAt = Now.AddDays(-createdDaysAgo),
        UsedAt = usedDaysAgo is { } used ? Now.AddDays(-used) : null,
        UsedBy = usedDaysAgo is null ? null : 7,
    };

    private sealed class ExecutedListener(ChannelWriter<DateTimeOffset> executed, TimeProvider clock) : IJobListener
    {
        public string Name => "retention-test";

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            executed.TryWrite(clock.GetUtcNow());
            return ValueTask.CompletedTask;
        }
    }
}
