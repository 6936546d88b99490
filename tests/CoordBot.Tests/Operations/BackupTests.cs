using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using CoordBot.BotApi;
using CoordBot.Domain.Council;
using CoordBot.Domain.Membership;
using CoordBot.Features.Sessions;
using CoordBot.Operations.Backups;
using CoordBot.Persistence;
using CoordBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoordBot.Tests.Operations;

public sealed class BackupTests
{
    private static readonly Dictionary<string, string?> Fast = new() { ["Delivery:PrivatePerSecond"] = "50", ["Delivery:GroupPerMinute"] = "600", ["Delivery:GlobalPerSecond"] = "500" };
    internal static readonly List<string> Codes = [.. TestCouncil.Codes];

    internal static long HeadOf(string code) => TestCouncil.HeadOf(code);

    [Fact]
    public async Task A_backup_taken_during_traffic_restores_into_a_new_directory_with_every_vote_draft_version_and_reminder()
    {
        using var backups = new TempDirectory();
        using var restored = new TempDirectory();
        var backup = backups.File("drill.coordbot-backup");
        Snapshot before;
        await using (var bot = await CouncilWithAVoteAsync())
        {
            before = await SnapshotAsync(bot);

            // Traffic while the backup runs: the remaining ballots and a crowd of /start.
            var late = Codes.Skip(8).ToList();
            foreach (var code in late)
            {
                bot.Send(HeadOf(code), "/vote D1 no");
            }

            for (var user = 9000; user < 9030; user++)
            {
                bot.Send(user, "/start");
            }

            var (code1, _, error1) = await RunVerbAsync("backup", backup, bot.Files().Database);
            Assert.True(code1 == 0, error1);
            await bot.MessageFromCatalogueAsync(HeadOf(late[^1]), "Voting.Receipt.No");
        }

        var (verified, verifyOut, verifyError) = await RunVerbAsync("verify", backup, null);
        Assert.True(verified == 0, verifyError);
        Assert.Contains("is good", verifyOut, StringComparison.Ordinal);

        var database = restored.File("coordbot.db");
        var (restoredCode, _, restoreError) = await RunVerbAsync("restore", backup, database);
        Assert.True(restoredCode == 0, restoreError);
        // The reminder is in the restored job store itself, not merely re-planned by the bot at start.
        Assert.Equal(before.Reminders, await ReminderJobsInAsync(restored.File("coordbot.quartz.db")));

        await using var again = await BotHarness.StartAsync(new Dictionary<string, string?>(Fast) { ["ConnectionStrings:CoordBot"] = $"Data Source={database}" },
            // Telegram's update ids go on after a restore; a fresh emulator must not start again at ids the inbox has seen.
            new BotApiEmulatorOptions { EnforceLimits = false, FirstUpdateId = 1_000_000 });
        var after = await SnapshotAsync(again);
        Assert.Equal(before.Votes, after.Votes);
        Assert.Subset(after.Ballots.ToHashSet(), before.Ballots.ToHashSet());
        Assert.Subset(after.LogEntries.ToHashSet(), before.LogEntries.ToHashSet());
        Assert.Equal(before.DraftVersions, after.DraftVersions);
        Assert.Equal(before.Reminders, after.Reminders);
        // Messages still unsent when the backup was taken are sent by the restored bot, so wait for the audit by its words.
        again.Send(HeadOf("EST"), "/audit D1");
        var audit = await again.MessageStartingWithCatalogueAsync(HeadOf("EST"), "Audit.Heading");
        Assert.StartsWith("Audit of the vote on D1", audit.PlainText, StringComparison.Ordinal);
        Assert.Contains("Hash chain: intact", audit.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_backup_fails_verify_and_names_the_vote()
    {
        using var backups = new TempDirectory();
        var backup = backups.File("tampered.zip");
        await using (var bot = await CouncilWithAVoteAsync())
        {
            Assert.Equal(0, (await RunVerbAsync("backup", backup, bot.Files().Database)).Code);
        }

        // Someone turns China's recorded "yes" into a "no" inside the backup.
        var unpacked = backups.File("unpacked.db");
        using (var zip = ZipFile.Open(backup, ZipArchiveMode.Update))
        {
            zip.GetEntry(BackupArchive.DatabaseEntry)!.ExtractToFile(unpacked);
            await using (var connection = new SqliteConnection($"Data Source={unpacked};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "UPDATE BallotLog SET Choice = 'No' WHERE DelegationCode = 'CHN'";
                Assert.Equal(1, await command.ExecuteNonQueryAsync());
            }

            zip.GetEntry(BackupArchive.DatabaseEntry)!.Delete();
            zip.CreateEntryFromFile(unpacked, BackupArchive.DatabaseEntry);
        }

        var (code, _, error) = await RunVerbAsync("verify", backup, null);

        Assert.Equal(BackupVerbs.Refused, code);
        Assert.Contains("vote V1 on D1 v2", error, StringComparison.Ordinal);
        Assert.Contains("hash chain broken", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_refuses_to_overwrite_a_running_bots_data_and_changes_nothing()
    {
        using var backups = new TempDirectory();
        var backup = backups.File("b.zip");
        await using var bot = await BotHarness.StartAsync();
        await bot.AskAsync(42, "/start");
        var database = bot.Files().Database;
        Assert.Equal(0, (await RunVerbAsync("backup", backup, database)).Code);
        var files = FilesBeside(database);

        var (code, _, error) = await RunVerbAsync("restore", backup, database);

        Assert.Equal(BackupVerbs.Refused, code);
        Assert.Contains("a bot is running", error, StringComparison.Ordinal);
        Assert.Equal(files, FilesBeside(database)); // nothing set aside, extracted or replaced
        Assert.True(await KnownAsync(bot, 42));
    }

    /// <summary>
    /// The files beside a running bot's database, without SQLite's -wal and -shm journals: the running bot opens and
    /// closes those itself as it works, so they come and go between two listings whatever a restore does.
    /// </summary>
    private static List<string> FilesBeside(string database) =>
        Directory.GetFiles(Path.GetDirectoryName(database)!)
            .Where(f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public async Task A_restore_keeps_the_files_it_replaces_and_putting_them_back_undoes_it()
    {
        using var backups = new TempDirectory();
        var backup = backups.File("b.zip");
        await using var bot = await BotHarness.StartAsync();
        await bot.AskAsync(42, "/start");
        var files = bot.Files();
        Assert.Equal(0, (await RunVerbAsync("backup", backup, files.Database)).Code);
        await bot.AskAsync(43, "/start"); // after the backup: only in the data the restore replaces
        await bot.StopHostAsync();
        SqliteConnection.ClearAllPools();

        var (code, output, error) = await RunVerbAsync("restore", backup, files.Database);

        Assert.True(code == 0, error);
        var directory = Path.GetDirectoryName(files.Database)!;
        var kept = Directory.GetFiles(directory, "*.before-restore-*").Order(StringComparer.Ordinal).ToList();
        Assert.Contains(kept, k => Path.GetFileName(k).StartsWith(Path.GetFileName(files.Database) + ".before-restore-", StringComparison.Ordinal));
        Assert.Contains(kept, k => Path.GetFileName(k).StartsWith(Path.GetFileName(files.JobStore) + ".before-restore-", StringComparison.Ordinal));
        Assert.All(kept, k => Assert.Contains(k, output, StringComparison.Ordinal)); // the operator is told where they are
        await bot.StartHostAsync();
        Assert.Equal((true, false), (await KnownAsync(bot, 42), await KnownAsync(bot, 43)));
        await bot.StopHostAsync();
        SqliteConnection.ClearAllPools();

        // Undo: the restored files go, the kept ones take their names back; the bot then has what it had before.
        foreach (var original in new[] { files.Database, files.JobStore }.SelectMany(f => new[] { f, f + "-wal", f + "-shm" }))
        {
            File.Delete(original);
        }

        foreach (var file in kept)
        {
            File.Move(file, file[..file.IndexOf(".before-restore-", StringComparison.Ordinal)]);
        }

        await bot.StartHostAsync();
        Assert.Equal((true, true), (await KnownAsync(bot, 42), await KnownAsync(bot, 43)));
    }

    private static async Task<bool> KnownAsync(BotHarness bot, long userId)
    {
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        return await db.People.AnyAsync(p => p.UserId == userId);
    }

    [Fact]
    public async Task The_executable_runs_the_verbs_and_answers_with_exit_codes()
    {
        using var directory = new TempDirectory();
        var dll = typeof(BackupVerbs).Assembly.Location;

        var missing = await RunProcessAsync(dll, "verify", directory.File("nothing-here.zip"));
        var usage = await RunProcessAsync(dll, "backup");

        Assert.Equal(BackupVerbs.Refused, missing.Code);
        Assert.Contains("there is no backup", missing.Error, StringComparison.Ordinal);
        Assert.Equal(BackupVerbs.Usage, usage.Code);
        Assert.Contains("usage: coordbot backup <file>", usage.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manifest_that_is_not_json_is_refused_in_one_line_by_verify_and_restore_and_changes_nothing()
    {
        using var directory = new TempDirectory();
        var backup = directory.File("garbled.zip");
        await using (var zip = await ZipFile.OpenAsync(backup, ZipArchiveMode.Create))
        {
            await using (var manifest = new StreamWriter(await zip.CreateEntry(BackupArchive.ManifestEntry).OpenAsync()))
            {
                await manifest.WriteAsync("{ this is not json");
            }

            await using var database = new StreamWriter(await zip.CreateEntry(BackupArchive.DatabaseEntry).OpenAsync());
            await database.WriteAsync("not a database either");
        }

        var (target, before) = ExistingData(directory);

        var verified = await RunProcessAsync(typeof(BackupVerbs).Assembly.Location, "verify", backup);
        var (code, _, error) = await RunVerbAsync("restore", backup, target);

        Assert.Equal(BackupVerbs.Refused, verified.Code);
        Assert.Equal($"coordbot verify: {backup} is not a CoordBot backup (manifest.json is not a valid manifest)", verified.Error.TrimEnd());
        Assert.Equal(BackupVerbs.Refused, code);
        Assert.Equal($"coordbot restore: {backup} is not a CoordBot backup (manifest.json is not a valid manifest)", error.TrimEnd());
        Assert.Equal(before, Listing(target));
    }

    [Fact]
    public async Task A_small_archive_that_expands_to_hundreds_of_megabytes_is_refused_without_unpacking_it()
    {
        using var directory = new TempDirectory();
        var backup = directory.File("bomb.zip");
        await using (var zip = await ZipFile.OpenAsync(backup, ZipArchiveMode.Create))
        {
            await using (var manifest = await zip.CreateEntry(BackupArchive.ManifestEntry).OpenAsync())
            {
                await System.Text.Json.JsonSerializer.SerializeAsync(manifest, new BackupManifest(BackupArchive.Format, new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), "1.0", HasJobStore: false));
            }

            await using var database = await zip.CreateEntry(BackupArchive.DatabaseEntry, CompressionLevel.Optimal).OpenAsync();
            var zeros = new byte[1 << 20];
            for (var mebibyte = 0; mebibyte < 320; mebibyte++)
            {
                await database.WriteAsync(zeros);
            }
        }

        Assert.True(new FileInfo(backup).Length < 1 << 20);
        var (target, before) = ExistingData(directory);

        var verified = await RunVerbAsync("verify", backup, null);
        var restored = await RunVerbAsync("restore", backup, target);

        Assert.Equal(BackupVerbs.Refused, verified.Code);
        Assert.Equal($"coordbot verify: {backup} is refused: coordbot.db expands to more than 64 MiB, more than a backup of this size can hold", verified.Error.TrimEnd());
        Assert.Equal(BackupVerbs.Refused, restored.Code);
        Assert.Contains("coordbot.db expands to more than 64 MiB", restored.Error, StringComparison.Ordinal);
        Assert.Equal(before, Listing(target));
    }

    /// <summary>A stopped bot's data directory with a database in it, and what the directory holds.</summary>
    private static (string Database, List<string> Files) ExistingData(TempDirectory directory)
    {
        var data = Directory.CreateDirectory(directory.File("data")).FullName;
        var database = Path.Combine(data, "coordbot.db");
        File.WriteAllText(database, "the council's data");
        return (database, Listing(database));
    }

    /// <summary>What the data directory holds, but the lock file a restore takes to know that no bot runs there.</summary>
    private static List<string> Listing(string database) =>
        Directory.GetFileSystemEntries(Path.GetDirectoryName(database)!).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)).Select(f => $"{f} {(File.Exists(f) ? File.ReadAllText(f) : "dir")}").Order(StringComparer.Ordinal).ToList();

    internal static async Task<BotHarness> CouncilWithAVoteAsync()
    {
        var bot = await BotHarness.StartAsync(Fast, new BotApiEmulatorOptions { EnforceLimits = false });
        await TestCouncil.Seed().SeedAsync(bot);

        var estonia = HeadOf("EST");
        await bot.AskAsync(estonia, "/draft_new Press statement on cyber security\nThe Council condemns malicious cyber activities.");
        await bot.AskAsync(estonia, "/revise D1\nThe Council strongly condemns malicious cyber activities.");
        await bot.AskAsync(estonia, "/circulate D1");
        await bot.AskAsync(estonia, "/blue D1");
        await bot.AskAsync(BotHarness.OperatorId, "/vote_open D1 substantive 24h");
        foreach (var code in Codes.Take(8))
        {
            var last = bot.Emulator.MessagesIn(HeadOf(code)).Select(m => m.MessageId).DefaultIfEmpty(0).Max();
            bot.Send(HeadOf(code), "/vote D1 yes");
            await bot.MessageFromCatalogueAsync(HeadOf(code), "Voting.Receipt.Yes", afterMessageId: last);
        }

        var day = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.Date.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var scheduled = await bot.AskAsync(BotHarness.OperatorId, $"/schedule {day} 10:00 UTC closed 60m Situation in Libya");
        Assert.Contains("Libya", scheduled.PlainText, StringComparison.Ordinal);
        return bot;
    }

    private sealed record Snapshot(List<long> Votes, List<string> Ballots, List<string> LogEntries, List<string> DraftVersions, List<string> Reminders);

    private static async Task<Snapshot> SnapshotAsync(BotHarness bot)
    {
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        var sessions = await db.Sessions.Select(s => s.Id).ToListAsync();
        return new Snapshot(
            await db.Votes.OrderBy(v => v.Id).Select(v => v.Id).ToListAsync(),
            (await db.Ballots.ToListAsync()).Select(b => $"{b.VoteId}/{b.DelegationCode}/{b.Choice}").Order(StringComparer.Ordinal).ToList(),
            (await db.BallotLog.ToListAsync()).Select(e => $"{e.VoteId}/{e.Sequence}/{e.Hash}").Order(StringComparer.Ordinal).ToList(),
            (await db.DraftVersions.ToListAsync()).Select(v => $"{v.DraftId}/{v.Number}/{v.Hash}").Order(StringComparer.Ordinal).ToList(),
            await ReminderJobsInAsync(DataFilesOf(bot).JobStore, sessions));
    }

    private static CoordBot.Operations.DataFiles DataFilesOf(BotHarness bot) => bot.Files();

    /// <summary>The session reminder jobs in a Quartz job store file.</summary>
    private static async Task<List<string>> ReminderJobsInAsync(string jobStore, IReadOnlyList<long>? sessions = null)
    {
        await using var connection = new SqliteConnection($"Data Source={jobStore};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT JOB_GROUP || '/' || JOB_NAME FROM QRTZ_TRIGGERS WHERE JOB_GROUP LIKE 'session-%' ORDER BY 1";
        var jobs = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            jobs.Add(reader.GetString(0));
        }

        Assert.True(sessions is null || sessions.All(s => jobs.Any(j => j.StartsWith(SessionReminders.GroupOf(s) + "/", StringComparison.Ordinal))));
        return jobs;
    }

    /// <summary>Runs a verb in this process, configured like a bot whose database is <paramref name="database"/>.</summary>
    private static async Task<(int Code, string Output, string Error)> RunVerbAsync(string verb, string file, string? database)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] args = database is null ? [verb, file] : [verb, file, $"--ConnectionStrings:CoordBot=Data Source={database}"];
        var code = await BackupVerbs.TryRunAsync(args, output, error);
        return (code ?? -1, output.ToString(), error.ToString());
    }

    private static async Task<(int Code, string Error)> RunProcessAsync(string dll, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await error);
    }
}
