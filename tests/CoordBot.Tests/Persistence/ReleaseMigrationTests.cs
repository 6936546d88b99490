using CoordBot.Domain.Voting;
using CoordBot.Features.Bodies;
using CoordBot.Persistence;
using CoordBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoordBot.Tests.Persistence;

/// <summary>
/// Issue 25, "nothing lost in the move": the database the release before bodies wrote (<c>Fixtures/release-w4.db</c>,
/// see its README) is migrated by the bot at start; everything in it becomes the first body's, still there and still
/// served, and every vote's ballot chain still verifies.
/// </summary>
public sealed class ReleaseMigrationTests
{
    private static readonly string[] Tables =
    [
        "People", "Memberships", "DelegationGroups", "Invitations", "Sessions", "AgendaItems", "AgendaSpeakers", "Drafts",
        "DraftVersions", "DraftComments", "DraftCirculations", "Votes", "Ballots", "BallotLog", "AuditEntries",
    ];

    private static readonly string[] BodyTables =
        ["Memberships", "DelegationGroups", "Invitations", "Sessions", "AgendaItems", "Drafts", "Votes", "AuditEntries", "PresidencyOverrides"];

    [Fact]
    public async Task The_previous_release_s_database_becomes_the_first_body_with_every_vote_chain_intact()
    {
        using var folder = new TempDirectory();
        var file = folder.File("coordbot.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Persistence", "Fixtures", "release-w4.db"), file);
        var before = await CountsAsync(file);
        Assert.True(before["Votes"] > 0 && before["BallotLog"] > 0 && before["DraftVersions"] > 1 && before["DelegationGroups"] > 0);

        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:CoordBot"] = $"Data Source={file}" });
        Assert.Equal(before, await CountsAsync(file));
        await using (var db = await bot.Services.GetRequiredService<IDbContextFactory<CoordBotDb>>().CreateDbContextAsync())
        {
            var body = Assert.Single(await db.Bodies.ToListAsync());
            Assert.Equal(Body.FirstId, body.Id);
            foreach (var table in BodyTables)
            {
                Assert.Equal(0, await ScalarAsync(file, $"SELECT COUNT(*) FROM \"{table}\" WHERE \"BodyId\" <> 1"));
            }

            foreach (var vote in await db.Votes.ToListAsync())
            {
                var log = (await db.BallotLog.Where(e => e.VoteId == vote.Id).OrderBy(e => e.Sequence).ToListAsync()).Select(e => e.ToDomain(vote.LogId)).ToList();
                Assert.NotEmpty(log);
                Assert.True(BallotLog.Verify(log).IsIntact);
            }
        }

        // And the bot serves it as before: the vote audits, the draft and the session read, a member is still a member.
        var estonia = TestCouncil.HeadOf("EST");
        var mark = bot.LastMessageId(estonia);
        bot.Send(estonia, "/audit D1");
        await bot.MessageWithCatalogueAsync(estonia, "Audit.ChainIntact", afterMessageId: mark);
        mark = bot.LastMessageId(estonia);
        bot.Send(estonia, "/draft D1");
        await bot.ReplyAsync(estonia, m => m.MessageId > mark && (m.PlainText ?? m.Text ?? "").Contains("Recalls resolution 1325 (2000).", StringComparison.Ordinal));
        mark = bot.LastMessageId(estonia);
        bot.Send(estonia, "/session S1");
        await bot.ReplyAsync(estonia, m => m.MessageId > mark && (m.PlainText ?? m.Text ?? "").Contains("Situation in the Middle East", StringComparison.Ordinal));
        var group = TestCouncil.GroupOf("EST");
        mark = bot.LastMessageId(group);
        bot.Send(estonia, "/drafts", group);
        await bot.ReplyAsync(group, m => m.MessageId > mark && (m.PlainText ?? m.Text ?? "").Contains("D1", StringComparison.Ordinal));
    }

    private static async Task<Dictionary<string, long>> CountsAsync(string file)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in Tables)
        {
            counts[table] = await ScalarAsync(file, $"SELECT COUNT(*) FROM \"{table}\"");
        }

        return counts;
    }

    private static async Task<long> ScalarAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
