using CoordBot.Domain.Voting;
using CoordBot.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Operations.Backups;

/// <summary>What <c>coordbot verify</c> found: problems (none means the backup is good) and facts for the operator.</summary>
public sealed record VerifyReport(IReadOnlyList<string> Problems, IReadOnlyList<string> Facts)
{
    public bool IsGood => Problems.Count == 0;
}

/// <summary>
/// Checks an unpacked backup the way an auditor would: both files are sound SQLite databases, the schema
/// is one this build knows, and every vote's ballot log still forms an unbroken hash chain whose replay
/// gives the recorded ballots. A problem names the vote, so the operator knows which record to doubt.
/// </summary>
internal static class BackupVerifier
{
    public static async Task<VerifyReport> VerifyAsync(string database, string? jobStore, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var facts = new List<string>();
        var connectionString = new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString;
        if (await IntegrityAsync(connectionString, cancellationToken) is { } broken)
        {
            return new VerifyReport([$"the database file is damaged: {broken}"], facts);
        }

        await using var db = new CoordBotDb(new DbContextOptionsBuilder<CoordBotDb>().UseSqlite(connectionString).Options);
        var known = db.Database.GetMigrations().ToList();
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var unknown = applied.Except(known).ToList();
        if (applied.Count == 0)
        {
            problems.Add("the database has no schema version (no applied migrations)");
        }
        else if (unknown.Count > 0)
        {
            problems.Add($"the schema is newer than this build (unknown migrations: {string.Join(", ", unknown)}); restore it with the version that made it");
        }
        else
        {
            var pending = known.Count - applied.Count;
            facts.Add($"schema {applied[^1]}" + (pending > 0 ? $" ({pending} newer migrations are applied when the bot starts)" : " (current)"));
        }

        if (problems.Count > 0)
        {
            return new VerifyReport(problems, facts);
        }

        var (votes, entries) = await CheckBallotLogsAsync(db, problems, cancellationToken);
        facts.Add($"{votes} votes, {entries} ballot log entries, {await db.DraftVersions.CountAsync(cancellationToken)} draft versions");

        if (jobStore is null)
        {
            facts.Add("no job store in the backup (reminders are re-planned from the database at start)");
        }
        else
        {
            var jobs = new SqliteConnectionStringBuilder { DataSource = jobStore, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString;
            if (await IntegrityAsync(jobs, cancellationToken) is { } jobsBroken)
            {
                problems.Add($"the job store is damaged: {jobsBroken}");
            }
            else
            {
                facts.Add($"{await PendingTriggersAsync(jobs, cancellationToken)} scheduled jobs");
            }
        }

        return new VerifyReport(problems, facts);
    }

    /// <summary>
    /// Every vote's ballot log: its hash chain intact, and the recorded ballots what replaying it gives. Adds one
    /// problem per vote that fails; returns how many votes and log entries it read.
    /// </summary>
    internal static async Task<(int Votes, int Entries)> CheckBallotLogsAsync(CoordBotDb db, List<string> problems, CancellationToken cancellationToken)
    {
        var votes = await db.Votes.AsNoTracking().OrderBy(v => v.Id).ToListAsync(cancellationToken);
        var entries = 0;
        foreach (var vote in votes)
        {
            var log = (await db.BallotLog.AsNoTracking().Where(e => e.VoteId == vote.Id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken))
                .Select(e => e.ToDomain(vote.LogId)).ToList();
            entries += log.Count;
            var name = $"vote {vote.LogId} on D{vote.DraftId} v{vote.Version}";
            var chain = BallotLog.Verify(log);
            if (!chain.IsIntact)
            {
                problems.Add($"{name}: ballot log hash chain broken at entry {chain.BrokenAt + 1}: {Localization.Reasons.Text(Localization.Languages.English, chain.Why!)}");
                continue;
            }

            var ballots = await db.Ballots.AsNoTracking().Where(b => b.VoteId == vote.Id).ToDictionaryAsync(b => b.DelegationCode, b => b.Choice, cancellationToken);
            var replayed = BallotLog.RecomputeTally(log, vote.AllowChange);
            var differing = replayed.Keys.Union(ballots.Keys)
                .Where(code => !replayed.TryGetValue(code, out var a) || !ballots.TryGetValue(code, out var b) || a != b)
                .Order(StringComparer.Ordinal)
                .ToList();
            if (differing.Count > 0)
            {
                problems.Add($"{name}: recorded ballots of {string.Join(", ", differing)} differ from its ballot log");
            }
        }

        return (votes.Count, entries);
    }

    /// <summary>Null when SQLite's integrity check passes; otherwise its first complaint.</summary>
    private static async Task<string?> IntegrityAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            var result = (string?)await command.ExecuteScalarAsync(cancellationToken);
            return result == "ok" ? null : result;
        }
        catch (SqliteException ex)
        {
            return ex.Message;
        }
    }

    private static async Task<long> PendingTriggersAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM QRTZ_TRIGGERS";
        try
        {
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (SqliteException)
        {
            return 0;
        }
    }
}
