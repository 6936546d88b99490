using System.Diagnostics;
using System.Globalization;
using CoordBot.BotApi;
using CoordBot.Domain.Council;
using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Domain.Voting;
using CoordBot.Persistence;
using CoordBot.PostgreSql.Tests.Processes;
using CoordBot.Tests.PostgreSql;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CoordBot.PostgreSql.Tests;

/// <summary>
/// Issue 15's fail-over: two instances of the built bot on one PostgreSQL, one killed abruptly (the whole process tree,
/// no graceful stop) in the middle of the council's business. What the survivor does is read from the emulator (what the
/// delegations were sent) and from the shared database.
/// </summary>
[Collection(SharedServer.Name)]
public sealed class FailoverTests(ITestOutputHelper output)
{
    /// <summary>The session reminder's offset: short, so it falls due while the test runs.</summary>
    private const string ReminderOffset = "00:00:20";

    /// <summary>From the instances' launch to the silence deadline and the reminder: time to start both and to kill one first.</summary>
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(40);

    /// <summary>How long the survivor may take to settle everything after the kill (detection, recovery, fan-out at 30/s).</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(90);

    /// <summary>Short cluster timings, so a dead instance's roles, claims and Quartz triggers move within seconds.</summary>
    public static readonly IReadOnlyDictionary<string, string> FastFailover = new Dictionary<string, string>
    {
        ["Cluster:LeaderRetry"] = "00:00:01",
        ["Cluster:InboxSweep"] = "00:00:01",
        ["Sessions:Reminders:0"] = ReminderOffset,
    };

    private static readonly List<string> Codes = [.. TestCouncil.Codes];

    private static long HeadOf(string code) => TestCouncil.HeadOf(code);

    [SkippableFact]
    public async Task When_one_of_two_webhook_instances_dies_every_ballot_counts_once_and_each_deadline_fires_once()
    {
        Skip.If(PostgresServer.MissingReason is not null, PostgresServer.MissingReason);
        var settings = await TestDatabase.SettingsAsync();
        settings["Sessions:Reminders:0"] = ReminderOffset;
        var clock = Stopwatch.StartNew();
        await using var setup = await CouncilAsync(settings);
        output.WriteLine($"{clock.Elapsed}: council ready");
        await using var cluster = new BotCluster(setup.Emulator, settings["ConnectionStrings:CoordBot"]!, FastFailover);
        // A alone first, so it is the elected sender when it dies: the survivor must take the role over to answer.
        var a = await cluster.StartReadyAsync("coordbot-a");
        await BotCluster.WaitUntilAsync(() => cluster.SenderElectedAsync(), TimeSpan.FromSeconds(30), "coordbot-a is elected sender");
        var b = await cluster.StartReadyAsync("coordbot-b");
        output.WriteLine($"{clock.Elapsed}: both instances ready");
        var emulator = setup.Emulator;

        // The vote opens now that both run (the shortest window, 36 s, so it closes after the kill), on the instance that then dies.
        emulator.RegisterUser(BotCluster.OperatorId, "Operator");
        var opened = Last(emulator, BotCluster.OperatorId);
        await cluster.PostUntilAcceptedAsync([a], BotCluster.Message(BotCluster.OperatorId, "/vote_open D1 substantive 0.01h", BotCluster.NextUpdateId()));
        var opening = await emulator.WaitForMessageAsync(BotCluster.OperatorId, m => m.MessageId > opened && CatalogueText.StartsWith("en", "Voting.Opened", m.Text), BotHarness.Patience);
        Assert.StartsWith("Voting opened on D1", opening.PlainText, StringComparison.Ordinal);

        var refusedBefore = emulator.Stats.TooManyRequestsSent;

        // Twelve of fifteen delegations vote: the first six alternately on both instances, then A is killed, the rest go to B.
        var voters = Codes.Take(12).ToList();
        for (var i = 0; i < voters.Count; i++)
        {
            if (i == 6)
            {
                // While both ran, the one elected sender kept Telegram's limits: no 429 from two instances at once.
                Assert.Equal(refusedBefore, emulator.Stats.TooManyRequestsSent);
                await a.KillAsync();
            }

            var instance = i < 6 && i % 2 == 0 ? a : b;
            Assert.True(await cluster.PostAsync(instance, BotCluster.Message(HeadOf(voters[i]), "/vote D1 yes", BotCluster.NextUpdateId())), $"{instance.Name} refused {voters[i]}'s ballot");
        }

        output.WriteLine($"{clock.Elapsed}: ballots posted, coordbot-a killed");
        await WaitUntilSettledAsync(cluster);
        output.WriteLine($"{clock.Elapsed}: settled");

        await using (var db = cluster.Database())
        {
            var vote = await db.Votes.AsNoTracking().SingleAsync(v => v.DraftId == 1);
            var ballots = await db.Ballots.AsNoTracking().Where(x => x.VoteId == vote.Id).ToListAsync();
            var log = await db.BallotLog.AsNoTracking().Where(e => e.VoteId == vote.Id).ToListAsync();
            Assert.Equal(voters.Order(StringComparer.Ordinal), ballots.Select(x => x.DelegationCode).Order(StringComparer.Ordinal));
            Assert.Equal(voters.Count, log.Count(e => e.Kind == BallotEntryKind.Cast));
            Assert.DoesNotContain(log, e => e.Kind != BallotEntryKind.Cast);
            Assert.NotNull(vote.ClosedAt);
            Assert.Equal(DraftStatus.AgreedUnderSilence, (await db.Drafts.AsNoTracking().SingleAsync(d => d.Id == 2)).Status);
        }

        foreach (var code in Codes)
        {
            var chat = HeadOf(code);
            var transcript = emulator.MessageThreadLog(chat);
            var results = emulator.MessagesIn(chat).Where(m => CatalogueText.IsVoteResult("en", m.Text)).ToList();
            Assert.True(results.Count == 1, $"{code} got {results.Count} results:\n{transcript}");
            Assert.StartsWith("Result of the vote on D1", results[0].PlainText, StringComparison.Ordinal);
            Assert.Contains("In favour (12)", results[0].PlainText, StringComparison.Ordinal);
            Assert.True(1 == emulator.MessagesIn(chat).Count(m => CatalogueText.StartsWith("en", "Drafts.Silence.Agreed", m.Text)), $"{code}, silence:\n{transcript}");
            Assert.True(1 == emulator.MessagesIn(chat).Count(m => m.PlainText!.StartsWith("Reminder: ", StringComparison.Ordinal)), $"{code}, reminder:\n{transcript}");
        }

        // After the kill a 429 can come from the hand-over (the new sender does not know the dead one's last second);
        // the delivery retries it, and the counts above show nothing was lost or doubled.
        output.WriteLine($"429s after the kill: {emulator.Stats.TooManyRequestsSent - refusedBefore}");

        var estonia = HeadOf("EST");
        var before = Last(emulator, estonia);
        Assert.True(await cluster.PostAsync(b, BotCluster.Message(estonia, "/audit D1", BotCluster.NextUpdateId())));
        var audit = await emulator.WaitForMessageAsync(estonia, m => m.MessageId > before && CatalogueText.StartsWith("en", "Audit.Heading", m.Text), BotHarness.Patience);
        Assert.StartsWith("Audit of the vote on D1", audit.PlainText, StringComparison.Ordinal);
        Assert.Contains("Hash chain: intact", audit.PlainText, StringComparison.Ordinal);
        Assert.Contains("Tally recomputed from the log matches the recorded votes (12 delegations)", audit.PlainText, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task When_the_polling_instance_dies_the_other_takes_over_polling_and_no_pending_update_is_dropped()
    {
        Skip.If(PostgresServer.MissingReason is not null, PostgresServer.MissingReason);
        await using var emulator = await BotApiEmulator.StartAsync(new BotApiEmulatorOptions());
        await using var cluster = new BotCluster(emulator, await PostgresServer.CreateDatabaseAsync(), FastFailover);
        // A alone first: it creates the schema and is elected to poll before B exists.
        var a = await cluster.StartReadyAsync("coordbot-a", "Polling");
        await BotCluster.WaitUntilAsync(() => cluster.PollerElectedAsync(), TimeSpan.FromSeconds(30), "coordbot-a is elected to poll");
        var b = await cluster.StartReadyAsync("coordbot-b", "Polling");

        var users = Enumerable.Range(1, 60).Select(i => 300_000L + i).ToList();
        foreach (var user in users)
        {
            emulator.RegisterUser(user, $"User{user}");
        }

        // Handled and sent before the kill.
        foreach (var user in users.Take(20))
        {
            emulator.SendText(user, user, "/start");
        }

        await Task.WhenAll(users.Take(20).Select(Welcomed));
        await BotCluster.WaitUntilAsync(async () => await NothingPendingAsync(cluster), Settle, "the first replies are marked sent");

        // Pending when the poller dies: sent just before the kill, and while nobody polls.
        foreach (var user in users.Skip(20).Take(20))
        {
            emulator.SendText(user, user, "/start");
        }

        var polls = emulator.Stats.RequestsTo("getUpdates");
        await a.KillAsync();
        var afterKill = emulator.Stats.RequestsTo("getUpdates");
        foreach (var user in users.Skip(40))
        {
            emulator.SendText(user, user, "/start");
        }

        // Only the dead instance polled (its last call may have been counted while it died); the next call is B's. How
        // soon is not asserted (a loaded machine stretches any clock reading): the take-over is waited for as a signal,
        // and what is counted is that it loses nothing and answers nothing twice.
        await BotCluster.WaitUntilAsync(() => Task.FromResult(emulator.Stats.RequestsTo("getUpdates") > afterKill), Settle, $"coordbot-b polls (after {polls} polls by coordbot-a)\n{cluster.Output()}");
        Assert.False(b.HasExited);

        await Task.WhenAll(users.Skip(20).Select(Welcomed));
        await BotCluster.WaitUntilAsync(async () => await NothingPendingAsync(cluster), Settle, "every reply is marked sent");
        // Sent after the kill, so only the survivor handled them: exactly one answer each.
        foreach (var user in users.Skip(40))
        {
            Assert.StartsWith("Welcome to CoordBot", Assert.Single(emulator.MessagesIn(user), m => CatalogueText.StartsWith("en", "Start.Welcome", m.Text)).PlainText, StringComparison.Ordinal);
        }

        Task Welcomed(long user) => emulator.WaitForMessageAsync(user, m => CatalogueText.StartsWith("en", "Start.Welcome", m.Text), Settle);
    }

    /// <summary>
    /// The council, built in this process on the test database: fifteen heads, D1 in blue, D2 under silence and a
    /// session, with the silence deadline and the session's reminder moved to <see cref="Lead"/> from now. The host then
    /// stops (gracefully); its emulator stays for the instances.
    /// </summary>
    private static async Task<BotHarness> CouncilAsync(Dictionary<string, string?> settings)
    {
        var bot = await BotHarness.StartAsync(settings);
        await TestCouncil.Seed().SeedAsync(bot);

        var estonia = HeadOf("EST");
        await bot.AskAsync(estonia, "/draft_new Press statement on cyber security\nThe Council condemns malicious cyber activities.");
        await bot.AskAsync(estonia, "/circulate D1");
        await bot.AskAsync(estonia, "/blue D1");
        await bot.AskAsync(estonia, "/draft_new Letter to the Secretary-General\nThe Council takes note of the report.");
        await bot.AskAsync(estonia, "/circulate D2");
        Assert.StartsWith("D2 v1 is under silence until", (await bot.AskForCatalogueAsync(estonia, "/silence D2 1", "Drafts.Silence.Done")).PlainText, StringComparison.Ordinal);
        var day = TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var scheduled = await bot.AskStartingWithCatalogueAsync(BotHarness.OperatorId, $"/schedule {day} 10:00 UTC closed 60m Situation in Libya", "Sessions.Scheduled");
        Assert.Contains("Libya", scheduled.PlainText, StringComparison.Ordinal);

        var due = TimeProvider.System.GetUtcNow().UtcDateTime + Lead;
        await bot.Services.GetRequiredService<UnitOfWork>().RunAsync(async (db, ct) =>
        {
            (await db.Drafts.SingleAsync(d => d.Id == 2, ct)).SilenceDeadlineUtc = due;
            (await db.Sessions.SingleAsync(ct)).StartUtc = due + TimeSpan.Parse(ReminderOffset, CultureInfo.InvariantCulture);
        }, CancellationToken.None);
        await bot.StopHostAsync();
        return bot;
    }

    /// <summary>The vote is closed, the silence concluded, the reminder noted, every update handled and every message sent.</summary>
    private static Task WaitUntilSettledAsync(BotCluster cluster) => BotCluster.WaitUntilAsync(async () =>
    {
        await using var db = cluster.Database();
        return await db.Votes.AnyAsync(v => v.DraftId == 1 && v.ClosedAt != null)
            && await db.Drafts.AnyAsync(d => d.Id == 2 && d.Status == DraftStatus.AgreedUnderSilence)
            && await db.SessionRemindersSent.AnyAsync()
            && await NothingPendingAsync(cluster);
    }, Settle, $"the survivor settles the vote, the silence and the reminder\n{cluster.Output()}");

    private static async Task<bool> NothingPendingAsync(BotCluster cluster)
    {
        await using var db = cluster.Database();
        return !await db.InboxUpdates.AnyAsync(u => u.ProcessedAt == null)
            && !await db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Pending);
    }

    private static long Last(BotApiEmulator emulator, long chat) => emulator.MessagesIn(chat).Select(m => m.MessageId).DefaultIfEmpty(0).Max();
}
