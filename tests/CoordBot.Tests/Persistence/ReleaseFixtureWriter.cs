using CoordBot.Domain.Membership;
using CoordBot.Persistence;
using CoordBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoordBot.Tests.Persistence;

/// <summary>
/// Writes <c>Fixtures/release-w4.db</c>: a council day as the release before bodies (issue 25) stored it, kept so the
/// migration to bodies is tested on a database that release really wrote. Run once at that release, with
/// COORDBOT_WRITE_FIXTURE set to this folder; the file is then committed.
/// </summary>
public sealed class ReleaseFixtureWriter
{
    [Fact]
    public async Task A_council_day_is_written_as_the_release_stores_it()
    {
        await using var bot = await BotHarness.StartAsync();
        await TestCouncil.Seed().WithAdvisers().SeedAsync(bot);
        await bot.LinkGroupAsync("EST", TestCouncil.GroupOf("EST"));
        await bot.LinkGroupAsync("FRA", TestCouncil.GroupOf("FRA"));
        var chair = BotHarness.OperatorId;
        var estonia = TestCouncil.HeadOf("EST");

        await bot.AskAsync(chair, "/invite DEU observer");
        await bot.AskAsync(chair, "/schedule 2030-01-15 15:00 closed Situation in the Middle East");
        await bot.AskAsync(chair, "/agenda_add S1 Middle East");
        await bot.AskAsync(chair, "/penholder A1 EST");
        await bot.AskAsync(TestCouncil.HeadOf("FRA"), "/speak A1");
        await bot.AskAsync(estonia, "/draft_new A1 Women, peace and security\nThe Security Council,\nRecalls resolution 1325.");
        await bot.AskAsync(estonia, "/revise D1\nThe Security Council,\nRecalls resolution 1325 (2000).");
        await bot.AskAsync(estonia, "/circulate D1");
        await bot.AskAsync(TestCouncil.HeadOf("FRA"), "/comment D1 Please cite 2467.");
        await bot.AskAsync(estonia, "/blue D1");
        await bot.AskAsync(chair, "/vote_open D1 substantive 24h");
        var mark = bot.LastMessageId(chair);
        foreach (var code in TestCouncil.Codes)
        {
            await bot.AskAsync(TestCouncil.HeadOf(code), code == "RUS" ? "/vote D1 abstain" : "/vote D1 yes");
        }

        await bot.MessageWithCatalogueAsync(chair, "Voting.ResultHeading.Substantive", afterMessageId: mark);
        var before = bot.LastMessageId(estonia);
        bot.Send(estonia, "/audit D1");
        await bot.MessageWithCatalogueAsync(estonia, "Audit.ChainIntact", afterMessageId: before);

        var folder = Environment.GetEnvironmentVariable("COORDBOT_WRITE_FIXTURE");
        var db = await bot.Services.GetRequiredService<IDbContextFactory<CoordBotDb>>().CreateDbContextAsync();
        await using (db)
        {
            Assert.Equal(15, await db.Ballots.CountAsync());
            if (!string.IsNullOrEmpty(folder))
            {
                var target = Path.Combine(folder, "release-w4.db");
                File.Delete(target);
                var connection = (SqliteConnection)db.Database.GetDbConnection();
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "DELETE FROM OutboxMessages; DELETE FROM InboxUpdates;";
                await command.ExecuteNonQueryAsync();
                command.CommandText = $"VACUUM INTO '{target}'";
                await command.ExecuteNonQueryAsync();
            }
        }
    }
}
