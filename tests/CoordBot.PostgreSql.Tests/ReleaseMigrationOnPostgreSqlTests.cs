using System.Data.Common;
using System.Globalization;
using CoordBot.Domain.Voting;
using CoordBot.Features.Bodies;
using CoordBot.Persistence;
using CoordBot.Tests.PostgreSql;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace CoordBot.PostgreSql.Tests;

/// <summary>
/// Issue 25, "nothing lost in the move", on PostgreSQL: a database of the release before bodies (its schema by the PostgreSQL
/// migrations up to that release's last, its rows those of the SQLite fixture <c>release-w4.db</c> that release wrote) is
/// migrated to this build's schema; every row becomes the first body's, and every vote's ballot chain still verifies.
/// </summary>
[Collection(SharedServer.Name)]
public sealed class ReleaseMigrationOnPostgreSqlTests
{
    private static readonly string[] BodyTables =
        ["Memberships", "DelegationGroups", "Invitations", "Sessions", "AgendaItems", "Drafts", "Votes", "AuditEntries", "PresidencyOverrides"];

    [SkippableFact]
    public async Task The_previous_release_s_data_on_PostgreSQL_becomes_the_first_body_with_every_vote_chain_intact()
    {
        Skip.If(PostgresServer.MissingReason is not null, PostgresServer.MissingReason);
        var target = await PostgresServer.CreateDatabaseAsync();
        var options = new DbContextOptionsBuilder<CoordBotDb>().UseNpgsql(target).Options;
        await using var fixture = new SqliteConnection($"Data Source={Fixture()};Mode=ReadOnly;Pooling=False");
        await fixture.OpenAsync();

        // The previous release's schema: the PostgreSQL migration of the same name as the fixture's last, and those before it.
        var lastOfRelease = (string)(await ScalarAsync(fixture, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\" DESC LIMIT 1"))!;
        Dictionary<string, long> before;
        await using (var old = new PostgreSqlCoordBotDb(options))
        {
            var migration = old.Database.GetMigrations().Single(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..] == lastOfRelease[(lastOfRelease.IndexOf('_', StringComparison.Ordinal) + 1)..]);
            Assert.DoesNotContain(old.Database.GetMigrations().TakeWhile(m => m != migration), m => m.Contains("_W5", StringComparison.Ordinal));
            await old.GetService<IMigrator>().MigrateAsync(migration);
            await old.Database.OpenConnectionAsync();
            before = await CopyRowsAsync(fixture, (NpgsqlConnection)old.Database.GetDbConnection());
        }

        Assert.True(before["Votes"] > 0 && before["BallotLog"] > 0 && before["DraftVersions"] > 1 && before["DelegationGroups"] > 0);

        // This build's migrations, as the bot applies them at start.
        await using var db = new PostgreSqlCoordBotDb(options);
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        foreach (var (table, rows) in before)
        {
            Assert.True(rows == await CountAsync(connection, $"SELECT COUNT(*) FROM \"{table}\""), $"{table}: {rows} rows before the migration");
        }

        var body = Assert.Single(await db.Bodies.ToListAsync());
        Assert.Equal(Body.FirstId, body.Id);
        foreach (var table in BodyTables)
        {
            Assert.Equal(0, await CountAsync(connection, $"SELECT COUNT(*) FROM \"{table}\" WHERE \"BodyId\" <> {Body.FirstId}"));
        }

        var votes = await db.Votes.IgnoreQueryFilters().ToListAsync();
        Assert.NotEmpty(votes);
        foreach (var vote in votes)
        {
            var log = (await db.BallotLog.Where(e => e.VoteId == vote.Id).OrderBy(e => e.Sequence).ToListAsync()).Select(e => e.ToDomain(vote.LogId)).ToList();
            Assert.NotEmpty(log);
            Assert.True(BallotLog.Verify(log).IsIntact, $"vote {vote.Id}: its ballot chain no longer verifies");
        }
    }

    /// <summary>
    /// Every row of every table of the fixture into the same table of the old PostgreSQL schema, each value converted to its
    /// column's type there (SQLite keeps instants as text; PostgreSQL keeps a ballot's instant as ticks, to the 100 ns the hash
    /// covers). Returns the rows per table.
    /// </summary>
    private static async Task<Dictionary<string, long>> CopyRowsAsync(SqliteConnection source, NpgsqlConnection target)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var tables = new List<string>();
        await using (var list = source.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        await using var transaction = await target.BeginTransactionAsync();
        // Foreign keys are checked at the commit, so the tables may be filled in any order.
        await using (var deferred = new NpgsqlCommand("SET CONSTRAINTS ALL DEFERRED", target, transaction))
        {
            await deferred.ExecuteNonQueryAsync();
        }

        await using (var triggers = new NpgsqlCommand("SET session_replication_role = replica", target, transaction))
        {
            await triggers.ExecuteNonQueryAsync();
        }

        foreach (var table in tables)
        {
            var types = new Dictionary<string, string>(StringComparer.Ordinal);
            await using (var columns = new NpgsqlCommand("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @t", target, transaction))
            {
                columns.Parameters.AddWithValue("t", table);
                await using var reader = await columns.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    types[reader.GetString(0)] = reader.GetString(1);
                }
            }

            Assert.True(types.Count > 0, $"the previous release's PostgreSQL schema has no table {table}");
            long rows = 0;
            await using (var select = source.CreateCommand())
            {
                select.CommandText = $"SELECT * FROM \"{table}\"";
                await using var reader = await select.ExecuteReaderAsync();
                var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
                Assert.All(names, n => Assert.True(types.ContainsKey(n), $"{table}.{n} is not in the previous release's PostgreSQL schema"));
                var insert = $"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", names.Select((_, i) => $"@p{i}"))})";
                while (await reader.ReadAsync())
                {
                    await using var command = new NpgsqlCommand(insert, target, transaction);
                    for (var i = 0; i < names.Count; i++)
                    {
                        command.Parameters.AddWithValue($"p{i}", ToColumn(reader.GetValue(i), types[names[i]]));
                    }

                    await command.ExecuteNonQueryAsync();
                    rows++;
                }
            }

            counts[table] = rows;
        }

        await using (var back = new NpgsqlCommand("SET session_replication_role = DEFAULT", target, transaction))
        {
            await back.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return counts;
    }

    private static object ToColumn(object value, string type) => value is DBNull ? DBNull.Value : type switch
    {
        "timestamp with time zone" => Instant((string)value),
        "bigint" when value is string text => Instant(text).Ticks,
        "bigint" => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        "integer" => Convert.ToInt32(value, CultureInfo.InvariantCulture),
        "smallint" => Convert.ToInt16(value, CultureInfo.InvariantCulture),
        "boolean" => Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0,
        "uuid" => value is byte[] bytes ? new Guid(bytes) : Guid.Parse((string)value),
        "double precision" => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        "numeric" => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        "bytea" => value,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    private static DateTime Instant(string text) =>
        DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), DateTimeKind.Utc);

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task<long> CountAsync(DbConnection connection, string sql) => Convert.ToInt64(await ScalarAsync(connection, sql), CultureInfo.InvariantCulture);

    /// <summary>The previous release's database, kept in the repository beside the SQLite migration test.</summary>
    private static string Fixture()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CoordBot.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory!.FullName, "tests", "CoordBot.Tests", "Persistence", "Fixtures", "release-w4.db");
    }
}
