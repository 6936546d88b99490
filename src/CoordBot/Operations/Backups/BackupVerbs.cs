using System.Globalization;

namespace CoordBot.Operations.Backups;

/// <summary>
/// <c>coordbot backup|restore|verify &lt;file&gt; [configuration arguments]</c>: verbs of the bot's own
/// executable, reading the same configuration as the running bot, so the files they touch are exactly
/// the bot's. Exit codes: 0 done, 1 refused or the backup is bad, 2 wrong usage or configuration.
/// </summary>
public static class BackupVerbs
{
    public const int Success = 0;
    public const int Refused = 1;
    public const int Usage = 2;

    private static readonly string[] Verbs = ["backup", "restore", "verify"];

    /// <summary>Null when <paramref name="args"/> name no verb: the bot then starts as usual.</summary>
    public static async Task<int?> TryRunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (args.Length == 0 || !Verbs.Contains(args[0], StringComparer.Ordinal))
        {
            return null;
        }

        if (args.Length < 2 || args[1].StartsWith('-'))
        {
            await error.WriteLineAsync($"coordbot: usage: coordbot {args[0]} <file> [--ConnectionStrings:CoordBot=...]");
            return Usage;
        }

        var file = args[1];
        try
        {
            var configuration = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args[2..] }).Configuration;
            var files = DataFiles.From(configuration);
            return args[0] switch
            {
                "backup" => await BackupAsync(files, file, output, cancellationToken),
                "restore" => await RestoreAsync(files, file, output, error, cancellationToken),
                _ => await VerifyAsync(file, output, error, cancellationToken),
            };
        }
        catch (ConfigurationException ex)
        {
            await error.WriteLineAsync($"coordbot: configuration error: {ex.Message}");
            return Usage;
        }
        catch (BackupException ex)
        {
            await error.WriteLineAsync($"coordbot {args[0]}: {ex.Message}");
            return Refused;
        }
    }

    private static async Task<int> BackupAsync(DataFiles files, string file, TextWriter output, CancellationToken cancellationToken)
    {
        var manifest = await BackupArchive.CreateAsync(files, file, TimeProvider.System, cancellationToken);
        await output.WriteLineAsync($"coordbot backup: {files.Database}{(manifest.HasJobStore ? $" and {files.JobStore}" : "")} copied to {Path.GetFullPath(file)}");
        return Success;
    }

    private static async Task<int> VerifyAsync(string file, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var scratch = new ScratchDirectory(Path.GetTempPath());
        var (database, jobStore, manifest) = await BackupArchive.ExtractAsync(file, scratch.Path, cancellationToken);
        var report = await BackupVerifier.VerifyAsync(database, jobStore, cancellationToken);
        return await ReportAsync("verify", file, manifest, report, output, error);
    }

    /// <summary>
    /// Verifies first, then replaces the files of a stopped bot. The files it replaces are kept beside
    /// them (<c>*.before-restore-&lt;time&gt;</c>): a restore onto the wrong directory can be undone.
    /// </summary>
    private static async Task<int> RestoreAsync(DataFiles files, string file, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var running = BotInstanceLock.TryAcquire(files.LockFile);
        if (running is null)
        {
            await error.WriteLineAsync($"coordbot restore: refused: a bot is running on {files.Database}; stop it first (its data would be overwritten under it)");
            return Refused;
        }

        var directory = Path.GetDirectoryName(files.Database)!;
        using var scratch = new ScratchDirectory(directory);
        var (database, jobStore, manifest) = await BackupArchive.ExtractAsync(file, scratch.Path, cancellationToken);
        var report = await BackupVerifier.VerifyAsync(database, jobStore, cancellationToken);
        if (!report.IsGood)
        {
            await ReportAsync("restore", file, manifest, report, output, error);
            await error.WriteLineAsync("coordbot restore: refused: the backup did not verify; nothing was changed");
            return Refused;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(files.JobStore)!);
        var stamp = TimeProvider.System.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var keptAside = SetAside(files.Database, stamp).Concat(SetAside(files.JobStore, stamp)).ToList();
        File.Move(database, files.Database);
        if (jobStore is not null)
        {
            File.Move(jobStore, files.JobStore);
        }

        await output.WriteLineAsync($"coordbot restore: {Path.GetFullPath(file)} (made {manifest.CreatedAtUtc:u}) restored to {files.Database}; {string.Join("; ", report.Facts)}");
        if (keptAside.Count > 0)
        {
            await output.WriteLineAsync($"coordbot restore: the files it replaced are kept as {string.Join(", ", keptAside)}");
        }

        return Success;
    }

    private static IEnumerable<string> SetAside(string databaseFile, string stamp)
    {
        foreach (var path in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" }.Where(File.Exists))
        {
            var aside = $"{path}.before-restore-{stamp}";
            File.Move(path, aside);
            yield return aside;
        }
    }

    private static async Task<int> ReportAsync(string verb, string file, BackupManifest manifest, VerifyReport report, TextWriter output, TextWriter error)
    {
        if (report.IsGood)
        {
            await output.WriteLineAsync($"coordbot {verb}: {Path.GetFullPath(file)} (made {manifest.CreatedAtUtc:u} by {manifest.BotVersion}) is good: {string.Join("; ", report.Facts)}");
            return Success;
        }

        foreach (var problem in report.Problems)
        {
            await error.WriteLineAsync($"coordbot {verb}: {problem}");
        }

        return Refused;
    }
}
