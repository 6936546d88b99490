using CoordBot.BotApi;
using CoordBot.Domain.Voting;
using CoordBot.Features.Delegations;
using CoordBot.Features.Voting;
using CoordBot.Operations.Backups;
using CoordBot.Persistence;
using CoordBot.Persistence.Copy;
using CoordBot.Tests.PostgreSql;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoordBot.PostgreSql.Tests;

/// <summary><c>coordbot copy-to-postgresql</c>: a SQLite council moved onto a real PostgreSQL, checked, and the bot running on it.</summary>
[Collection(SharedServer.Name)]
public sealed class CopyToPostgreSqlTests
{
    // Ticks below a microsecond: PostgreSQL's timestamps would round them away and break the ballots' hashes.
    private static readonly DateTime BallotTime = new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc).AddTicks(1_234_567);

    [SkippableFact]
    public async Task A_SQLite_council_is_copied_with_equal_row_counts_intact_ballot_chains_and_the_bot_carries_on()
    {
        Skip.If(PostgresServer.MissingReason is not null, PostgresServer.MissingReason);
        using var directory = new TempDirectory();
        var file = directory.File("council.db");
        var before = await SeedCouncilAsync(file);

        var target = await PostgresServer.CreateDatabaseAsync();
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await CopyVerb.TryRunAsync([CopyVerb.Name, file, "--Database:Provider=PostgreSQL", $"--ConnectionStrings:CoordBot={target}"], output, error);

        Assert.True(code == 0, error.ToString());
        Assert.Contains("1 votes, 3 ballot log entries: every hash chain verifies on the copy", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("  BallotLog: 3", output.ToString(), StringComparison.Ordinal);
        // As Telegram does, the updates after the move carry ids after the ones already stored.
        await using var bot2 = await BotHarness.StartAsync(
            new Dictionary<string, string?> { ["Database:Provider"] = "PostgreSQL", ["ConnectionStrings:CoordBot"] = target },
            new BotApiEmulatorOptions { FirstUpdateId = 10_000 });
        await using (var db = await bot2.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None))
        {
            Assert.Equal(before, await CountsAsync(db));
            var problems = new List<string>();
            Assert.Equal((1, 3), await BackupVerifier.CheckBallotLogsAsync(db, problems, CancellationToken.None));
            Assert.Empty(problems);
            Assert.Equal(BallotTime.Ticks, (await db.BallotLog.OrderBy(e => e.Sequence).FirstAsync()).AtUtc.Ticks);
        }

        // New rows take keys after the copied ones (the identity sequences were moved), and the bot answers.
        var maxOutbox = before["LastOutboxMessage"];
        var reply = await bot2.AskAsync(43, "/start");
        Assert.Contains("Welcome to CoordBot", reply.Text, StringComparison.Ordinal);
        await using (var db = await bot2.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None))
        {
            Assert.True(await db.OutboxMessages.Where(m => m.ChatId == 43).MinAsync(m => m.Id) > maxOutbox);
        }
    }

    [SkippableFact]
    public async Task A_copy_into_a_database_that_has_data_is_refused_and_changes_nothing()
    {
        Skip.If(PostgresServer.MissingReason is not null, PostgresServer.MissingReason);
        using var directory = new TempDirectory();
        var file = directory.File("council.db");
        await SeedCouncilAsync(file);

        var target = await PostgresServer.CreateDatabaseAsync();
        string[] args = [CopyVerb.Name, file, "--Database:Provider=PostgreSQL", $"--ConnectionStrings:CoordBot={target}"];
        Assert.Equal(0, await CopyVerb.TryRunAsync(args, new StringWriter(), new StringWriter()));
        var error = new StringWriter();

        var code = await CopyVerb.TryRunAsync(args, new StringWriter(), error);

        Assert.Equal(1, code);
        Assert.Contains("is not empty", error.ToString(), StringComparison.Ordinal);
        await using var db = new PostgreSqlCoordBotDb(new DbContextOptionsBuilder<CoordBotDb>().UseNpgsql(target).Options);
        Assert.Equal(2, await db.People.CountAsync());
    }

    [Fact]
    public async Task Without_a_PostgreSQL_target_the_copy_explains_what_to_set()
    {
        var error = new StringWriter();

        var code = await CopyVerb.TryRunAsync([CopyVerb.Name, "data/coordbot.db"], new StringWriter(), error);

        Assert.Equal(2, code);
        Assert.Contains("Database:Provider=PostgreSQL", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A stopped bot's SQLite file, made by its own migrations and model (no bot host: a process keeps EF's compiled
    /// queries for the first model it meets, and these tests run the bot on PostgreSQL): two people, an outbox
    /// message, and a closed vote whose log has three entries (a cast, a change, a cast) hashed as the bot hashes them.
    /// </summary>
    private static async Task<Dictionary<string, long>> SeedCouncilAsync(string file)
    {
        await using var db = new CoordBotDb(new DbContextOptionsBuilder<CoordBotDb>().UseSqlite($"Data Source={file}").Options);
        await db.Database.MigrateAsync();
        db.People.Add(new Person { UserId = 7, DisplayName = "Ada", TimeZone = "UTC", FirstSeenAt = BallotTime, LastSeenAt = BallotTime });
        db.People.Add(new Person { UserId = 8, DisplayName = "Bo", TimeZone = "Europe/Tallinn", FirstSeenAt = BallotTime, LastSeenAt = BallotTime });
        db.OutboxMessages.Add(new OutboxMessage { ChatId = 7, Kind = OutboxKind.Text, Text = "Welcome", CreatedAt = BallotTime, Status = OutboxStatus.Sent, NextAttemptAt = BallotTime, SentAt = BallotTime });
        db.AuditEntries.Add(new AuditEntry { At = BallotTime, ActorUserId = 7, Action = "test", Details = "seeded" });
        var vote = new Vote
        {
            DraftId = 1,
            Version = 1,
            Title = "On Ruritania",
            Text = "The Council decides.",
            TextHash = new string('a', 64),
            VotingCodes = "FRA,GBR",
            AllowChange = true,
            OpenedBy = 7,
            OpenedAt = BallotTime.AddHours(-1),
            ClosesAt = BallotTime.AddHours(1),
            ClosedAt = BallotTime.AddHours(1),
            Adopted = false,
        };
        db.Votes.Add(vote);
        await db.SaveChangesAsync();
        var log = new List<BallotEntry>();
        log.Add(BallotLog.Append(log, vote.LogId, "FRA", 7, VoteChoice.Yes, BallotEntryKind.Cast, null, BallotTime));
        log.Add(BallotLog.Append(log, vote.LogId, "FRA", 7, VoteChoice.Abstain, BallotEntryKind.Changed, null, BallotTime.AddTicks(3)));
        log.Add(BallotLog.Append(log, vote.LogId, "GBR", 8, VoteChoice.No, BallotEntryKind.Cast, null, BallotTime.AddTicks(7)));
        db.BallotLog.AddRange(log.Select(e => BallotLogEntry.From(vote.Id, e)));
        db.Ballots.Add(new Ballot { VoteId = vote.Id, DelegationCode = "FRA", Choice = VoteChoice.Abstain, CastBy = 7, CastAt = BallotTime });
        db.Ballots.Add(new Ballot { VoteId = vote.Id, DelegationCode = "GBR", Choice = VoteChoice.No, CastBy = 8, CastAt = BallotTime });
        await db.SaveChangesAsync();
        return await CountsAsync(db);
    }

    private static async Task<Dictionary<string, long>> CountsAsync(CoordBotDb db) => new()
    {
        ["People"] = await db.People.CountAsync(),
        ["OutboxMessages"] = await db.OutboxMessages.CountAsync(),
        ["LastOutboxMessage"] = await db.OutboxMessages.MaxAsync(m => m.Id),
        ["Votes"] = await db.Votes.CountAsync(),
        ["Ballots"] = await db.Ballots.CountAsync(),
        ["BallotLog"] = await db.BallotLog.CountAsync(),
        ["AuditEntries"] = await db.AuditEntries.CountAsync(),
    };
}
