using System.Data.Common;
using CoordBot.Operations.Backups;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CoordBot.Persistence.Copy;

/// <summary>What a copy did: rows per table (equal on both sides), and the ballot logs checked on the copy.</summary>
public sealed record CopyReport(IReadOnlyList<(string Table, long Rows)> Tables, int Votes, int BallotLogEntries);

/// <summary>The copy could not be made or did not check out; nothing of it is committed.</summary>
public sealed class CopyRefusedException(string message) : Exception(message);

/// <summary>
/// Copies a stopped bot's SQLite database into an empty PostgreSQL database in one transaction: the schema by the
/// PostgreSQL migrations, every row through EF (so each value is converted by the same model that reads it), the
/// identity sequences moved past the copied keys. Before the commit the copy is checked: row counts per table
/// equal the source's, and every ballot log's hash chain verifies. The Quartz schedule is not copied: the
/// features re-plan their reminders and deadlines from the database when the bot starts.
/// </summary>
public static class SqliteToPostgreSql
{
    public static async Task<CopyReport> CopyAsync(string sqliteFile, string postgreSqlConnectionString, CancellationToken cancellationToken)
    {
        if (!File.Exists(sqliteFile))
        {
            throw new CopyRefusedException($"{sqliteFile} does not exist");
        }

        var sourceConnection = new SqliteConnectionStringBuilder { DataSource = sqliteFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString;
        await using var source = new CoordBotDb(new DbContextOptionsBuilder<CoordBotDb>().UseSqlite(sourceConnection).Options);
        var known = source.Database.GetMigrations().ToList();
        var applied = (await source.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        if (applied.Count == 0 || !applied.SequenceEqual(known))
        {
            // Copying an older schema would leave out what the newer migrations add; a newer one, what this build knows nothing of.
            throw new CopyRefusedException(applied.Count == 0
                ? $"{sqliteFile} is not a CoordBot database (no applied migrations)"
                : $"{sqliteFile} is at schema {applied[^1]}, this build at {known[^1]}: start this version of the bot on it once (it migrates), stop it, then copy");
        }

        await using var target = new PostgreSqlCoordBotDb(new DbContextOptionsBuilder<CoordBotDb>().UseNpgsql(postgreSqlConnectionString).Options);
        await target.Database.MigrateAsync(cancellationToken);
        // One connection for the checks, the copy and the counts, so they all see the copy's transaction.
        await target.Database.OpenConnectionAsync(cancellationToken);
        var tables = target.Model.GetEntityTypes().Where(e => e.GetTableName() is not null).OrderBy(e => e.GetTableName(), StringComparer.Ordinal).ToList();
        var connection = target.Database.GetDbConnection();
        foreach (var table in tables)
        {
            // A new database holds one row already: the first body, which the W5Bodies migration writes.
            if (await CountAsync(connection, table, cancellationToken) > (table.ClrType == typeof(Features.Bodies.Body) ? 1 : 0))
            {
                throw new CopyRefusedException($"the PostgreSQL database is not empty (table {table.GetTableName()} has rows): copy into a new database");
            }
        }

        await using var transaction = await target.Database.BeginTransactionAsync(cancellationToken);
        // The bodies are the source's, the first included (its key and name as that database knew them).
        await using (var clear = connection.CreateCommand())
        {
            clear.CommandText = "DELETE FROM \"Bodies\"";
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var table in tables)
        {
            // Keys are kept as they are (identity columns are BY DEFAULT); EF orders the inserts by foreign key.
            await foreach (var row in Rows(source, table.ClrType).WithCancellation(cancellationToken))
            {
                target.Add(row);
            }
        }

        await target.SaveChangesAsync(cancellationToken);
        target.ChangeTracker.Clear();
        await MoveSequencesAsync(connection, tables, cancellationToken);

        var counts = new List<(string Table, long Rows)>();
        var sourceConnectionOpen = source.Database.GetDbConnection();
        await sourceConnectionOpen.OpenAsync(cancellationToken);
        foreach (var table in tables)
        {
            var expected = await CountAsync(sourceConnectionOpen, table, cancellationToken);
            var copied = await CountAsync(connection, table, cancellationToken);
            if (copied != expected)
            {
                throw new CopyRefusedException($"table {table.GetTableName()}: {copied} rows copied of {expected}; nothing was committed");
            }

            counts.Add((table.GetTableName()!, copied));
        }

        var problems = new List<string>();
        var (votes, entries) = await BackupVerifier.CheckBallotLogsAsync(target, problems, cancellationToken);
        if (problems.Count > 0)
        {
            throw new CopyRefusedException($"the copy does not verify, nothing was committed: {string.Join("; ", problems)}");
        }

        await transaction.CommitAsync(cancellationToken);
        return new CopyReport(counts, votes, entries);
    }

    private static IAsyncEnumerable<object> Rows(CoordBotDb source, Type entity) =>
        (IAsyncEnumerable<object>)typeof(SqliteToPostgreSql).GetMethod(nameof(RowsOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(entity)
            .Invoke(null, [source])!;

    private static IAsyncEnumerable<T> RowsOf<T>(CoordBotDb source)
        where T : class => source.Set<T>().AsNoTracking().AsAsyncEnumerable();

    private static async Task<long> CountAsync(DbConnection connection, IEntityType table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM \"{table.GetTableName()}\"";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Identity columns filled with explicit keys still start at 1: the next key the bot takes must follow the copied ones.</summary>
    private static async Task MoveSequencesAsync(DbConnection connection, IEnumerable<IEntityType> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
            if (table.FindPrimaryKey()?.Properties is not [var key] || (key.ClrType != typeof(long) && key.ClrType != typeof(int)))
            {
                continue;
            }

            var name = table.GetTableName()!;
            var column = key.GetColumnName(StoreObjectIdentifier.Table(name, table.GetSchema()));
            await using var command = connection.CreateCommand();
            // is_called=false: the next value handed out is exactly max+1 (or 1 for an empty table). A key the bot
            // assigns itself (an update_id, a user id) has no sequence, and is skipped.
            command.CommandText = $"SELECT setval(seq, (SELECT COALESCE(MAX(\"{column}\"), 0) + 1 FROM \"{name}\"), false) FROM pg_get_serial_sequence('\"{name}\"', '{column}') AS seq WHERE seq IS NOT NULL";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
