using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CoordBot.Operations.Backups;

/// <summary>
/// One backup file: a zip with the database, the Quartz job store and a manifest. Each database is
/// copied with SQLite's online backup API, which reads one consistent snapshot while the bot keeps
/// writing (WAL readers never block writers). The two files are two snapshots a moment apart; that is
/// safe because every job re-checks the database when it fires and the reminder reconciler re-asserts
/// the schedule at start.
/// </summary>
internal static class BackupArchive
{
    public const string DatabaseEntry = "coordbot.db";
    public const string JobStoreEntry = "coordbot.quartz.db";
    public const string ManifestEntry = "manifest.json";
    public const string Format = "coordbot-backup/1";

    public static async Task<BackupManifest> CreateAsync(DataFiles files, string target, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!File.Exists(files.Database))
        {
            throw new BackupException($"there is no database at {files.Database}");
        }

        var fullTarget = Path.GetFullPath(target);
        Directory.CreateDirectory(Path.GetDirectoryName(fullTarget)!);
        using var work = new ScratchDirectory(Path.GetDirectoryName(fullTarget)!);
        var database = Path.Combine(work.Path, DatabaseEntry);
        Copy(files.Database, database);
        var jobStore = File.Exists(files.JobStore) ? Path.Combine(work.Path, JobStoreEntry) : null;
        if (jobStore is not null)
        {
            Copy(files.JobStore, jobStore);
        }

        var manifest = new BackupManifest(Format, time.GetUtcNow().UtcDateTime, typeof(BackupArchive).Assembly.GetName().Version?.ToString() ?? "?", jobStore is not null);
        // Written beside the target and moved into place, so a backup cut off half-way never looks complete.
        var partial = fullTarget + ".partial";
        await using (var stream = File.Create(partial))
        {
            await using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
            await zip.CreateEntryFromFileAsync(database, DatabaseEntry, CompressionLevel.Optimal, cancellationToken);
            if (jobStore is not null)
            {
                await zip.CreateEntryFromFileAsync(jobStore, JobStoreEntry, CompressionLevel.Optimal, cancellationToken);
            }

            await using var manifestStream = await zip.CreateEntry(ManifestEntry).OpenAsync(cancellationToken);
            await JsonSerializer.SerializeAsync(manifestStream, manifest, cancellationToken: cancellationToken);
        }

        File.Move(partial, fullTarget, overwrite: true);
        return manifest;
    }

    /// <summary>Unpacks a backup into <paramref name="directory"/>: the database and job store paths (the job store may be absent).</summary>
    public static async Task<(string Database, string? JobStore, BackupManifest Manifest)> ExtractAsync(string backup, string directory, CancellationToken cancellationToken)
    {
        if (!File.Exists(backup))
        {
            throw new BackupException($"there is no backup at {Path.GetFullPath(backup)}");
        }

        // A zip says how large its entries are, but may lie, and a small one can expand to gigabytes: each entry is
        // refused when it declares, or is found while unpacking, more than a real backup of this size could hold.
        var cap = Math.Max(MinimumCap, new FileInfo(backup).Length * MaximumRatio);
        try
        {
            await using var zip = await ZipFile.OpenReadAsync(backup, cancellationToken);
            var manifestEntry = zip.GetEntry(ManifestEntry) ?? throw new BackupException($"{backup} is not a CoordBot backup (no {ManifestEntry})");
            BackupManifest? manifest;
            using (var manifestText = new MemoryStream())
            {
                await CopyCappedAsync(backup, manifestEntry, manifestText, ManifestCap, cancellationToken);
                manifestText.Position = 0;
                manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(manifestText, cancellationToken: cancellationToken);
            }

            if (manifest?.Format != Format)
            {
                throw new BackupException($"{backup} has format '{manifest?.Format}', this build reads '{Format}'");
            }

            var database = Path.Combine(directory, DatabaseEntry);
            var databaseEntry = zip.GetEntry(DatabaseEntry) ?? throw new BackupException($"{backup} has no {DatabaseEntry}");
            await ExtractCappedAsync(backup, databaseEntry, database, cap, cancellationToken);
            string? jobStore = null;
            if (zip.GetEntry(JobStoreEntry) is { } jobStoreEntry)
            {
                jobStore = Path.Combine(directory, JobStoreEntry);
                await ExtractCappedAsync(backup, jobStoreEntry, jobStore, cap, cancellationToken);
            }

            return (database, jobStore, manifest);
        }
        catch (InvalidDataException ex)
        {
            throw new BackupException($"{backup} is not a readable backup ({ex.Message})");
        }
        catch (JsonException)
        {
            throw new BackupException($"{backup} is not a CoordBot backup ({ManifestEntry} is not a valid manifest)");
        }
    }

    /// <summary>Below this an entry is never refused for its size (64 MiB: any small council's database).</summary>
    private const long MinimumCap = 64L << 20;

    /// <summary>A SQLite file deflates by a few times, rarely tens; a thousandfold is a zip bomb.</summary>
    private const long MaximumRatio = 200;

    private const long ManifestCap = 64L << 10;

    private static async Task ExtractCappedAsync(string backup, ZipArchiveEntry entry, string path, long cap, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = File.Create(path);
            await CopyCappedAsync(backup, entry, file, cap, cancellationToken);
        }
        catch (BackupException)
        {
            File.Delete(path);
            throw;
        }
    }

    private static async Task CopyCappedAsync(string backup, ZipArchiveEntry entry, Stream target, long cap, CancellationToken cancellationToken)
    {
        var refused = new BackupException($"{backup} is refused: {entry.FullName} expands to more than {(cap >= 1L << 20 ? $"{cap >> 20} MiB" : $"{cap >> 10} KiB")}, more than a backup of this size can hold");
        if (entry.Length > cap)
        {
            throw refused;
        }

        await using var source = await entry.OpenAsync(cancellationToken);
        var buffer = new byte[81920];
        long written = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            written += read;
            if (written > cap)
            {
                throw refused;
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    private static void Copy(string source, string destination)
    {
        using (var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ConnectionString))
        using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Pooling = false }.ConnectionString))
        {
            from.Open();
            to.Open();
            from.BackupDatabase(to);
            // A self-contained file: no -wal beside it to forget. The bot turns WAL on again when it starts on a restore.
            using var command = to.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=DELETE;";
            command.ExecuteNonQuery();
        }
    }
}

public sealed record BackupManifest(string Format, DateTime CreatedAtUtc, string BotVersion, bool HasJobStore);

/// <summary>A backup, restore or verify that cannot go on; the message is for the operator.</summary>
public sealed class BackupException(string message) : Exception(message);

/// <summary>A folder for unpacked or half-made files, removed afterwards.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory(string parent)
    {
        Path = System.IO.Path.Combine(parent, $".coordbot-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the operator; it holds nothing the bot reads.
        }
    }
}
