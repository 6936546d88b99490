using CoordBot.Domain.Voting;
using CoordBot.Persistence;
using CoordBot.Tests.Hardening;
using CoordBot.Tests.PostgreSql;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CoordBot.PostgreSql.Tests.Cluster;

/// <summary>
/// What two instances truly share, with no lock of the whole cluster: one vote's ballot log (a hash chain extended by
/// ballots from many chats at once) and its closing (once, whichever instance's ballot completes it).
/// </summary>
[Collection(SharedServer.Name)]
public sealed class ContendedVoteTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [SkippableFact]
    public async Task Ballots_cast_at_once_on_two_instances_keep_the_hash_chain_valid_and_the_vote_closes_once()
    {
        Skip.If(PostgresServer.MissingReason is not null, PostgresServer.MissingReason);
        var database = await TestDatabase.SettingsAsync();
        await using var setup = await BotHarness.StartAsync(database);
        await TestCouncil.Seed().WithDeputies().SeedAsync(setup);
        var estonia = TestCouncil.HeadOf("EST");
        await setup.AskAsync(estonia, "/draft_new Press statement on cyber security\nThe Council condemns malicious cyber activities.");
        await setup.AskAsync(estonia, "/circulate D1");
        await setup.AskAsync(estonia, "/blue D1");
        var opened = await setup.AskAsync(BotHarness.OperatorId, "/vote_open D1 substantive 1h");
        Assert.StartsWith("Voting opened on D1", opened.PlainText, StringComparison.Ordinal);
        await setup.StopHostAsync();

        var emulator = setup.Emulator;
        var settings = ClusterHost.Settings(emulator, database, webhook: true);
        // The emulator of the harness keeps Telegram's own limits; so do the instances. The vote closes with its last ballot.
        settings.Remove("Delivery:GlobalPerSecond");
        settings.Remove("Delivery:PrivatePerSecond");
        settings.Remove("Delivery:PrivateBurst");
        settings["Voting:EarlyCloseGrace"] = "00:00:00";
        await using var a = await ClusterHost.StartAsync(settings);
        await using var b = await ClusterHost.StartAsync(settings);
        var hosts = new[] { a, b };

        // Every head and every deputy at once, each pair split over the two instances: thirty ballots on one vote.
        var codes = TestCouncil.Codes;
        var posted = await Task.WhenAll(codes.SelectMany((code, i) => new[]
        {
            hosts[i % 2].PostAsync(WebhookBot.Message(TestCouncil.HeadOf(code), "/vote D1 yes")),
            hosts[(i + 1) % 2].PostAsync(WebhookBot.Message(TestCouncil.DeputyOf(code), "/vote D1 no")),
        }));
        Assert.All(posted, Assert.True);

        // Every delegation hears the result; then every ballot has been handled (the refused ones too).
        var heard = await Task.WhenAll(codes.Select(code => emulator.WaitForMessageAsync(TestCouncil.HeadOf(code), m => CatalogueText.IsVoteResult("en", m.Text), Patience)));
        Assert.All(heard, result => Assert.StartsWith("Result of the vote on D1", result.PlainText, StringComparison.Ordinal));
        await CoordBot.PostgreSql.Tests.Processes.BotCluster.WaitUntilAsync(async () =>
        {
            await using var db = await a.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
            return !await db.InboxUpdates.AnyAsync(u => u.ProcessedAt == null)
                && !await db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Pending);
        }, Patience, "every ballot handled and every message sent");

        await using (var db = await a.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None))
        {
            Assert.Empty(await db.InboxUpdates.Where(u => u.Error != null).Select(u => u.Error).ToListAsync());
            var vote = await db.Votes.AsNoTracking().SingleAsync();
            var log = await db.BallotLog.AsNoTracking().Where(e => e.VoteId == vote.Id).OrderBy(e => e.Sequence).ToListAsync();
            output.WriteLine(string.Join("\n", log.Select(e => $"{e.Sequence} {e.DelegationCode} {e.Kind} {e.Reason}")));
            Assert.Equal(codes.Count * 2, log.Count);
            var chain = BallotLog.Verify([.. log.Select(e => e.ToDomain(vote.LogId))]);
            Assert.True(chain.IsIntact, chain.Why?.ToString());
            Assert.NotNull(vote.ClosedAt);
            Assert.Equal(codes.Count, await db.Ballots.CountAsync(x => x.VoteId == vote.Id));
            Assert.Equal(codes.Count, log.Count(e => e.Kind == BallotEntryKind.Cast));
        }

        // Closed once: every delegation heard the result once.
        foreach (var code in codes)
        {
            var chat = TestCouncil.HeadOf(code);
            var results = emulator.MessagesIn(chat).Count(m => CatalogueText.IsVoteResult("en", m.Text));
            Assert.True(results == 1, $"{code} got {results} results:\n{emulator.MessageThreadLog(chat)}");
        }
    }
}
