namespace CoordBot.Operations;

/// <summary>
/// Holds an exclusive lock on <see cref="DataFiles.LockFile"/> while the bot runs, so that
/// <c>coordbot restore</c> can tell a running bot's data from a stopped one's. The operating system
/// releases the lock when the process dies, so a crash never leaves a stale lock behind. SQLite only: on
/// PostgreSQL several instances are meant to run at once (they coordinate in the database, see
/// <see cref="CoordBot.Cluster.LeaderElection"/>), and there is no file to restore over.
/// </summary>
internal sealed class BotInstanceLock(IConfiguration configuration, ILogger<BotInstanceLock> logger) : IHostedService, IDisposable
{
    private FileStream? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (CoordBot.Persistence.DatabaseOptions.From(configuration).Provider == CoordBot.Persistence.DatabaseProvider.PostgreSql)
        {
            return Task.CompletedTask;
        }

        DataFiles files;
        try
        {
            files = DataFiles.From(configuration);
        }
        catch (ConfigurationException)
        {
            // An in-memory database (some tests) has nothing a restore could overwrite; the settings' own checks report the rest.
            return Task.CompletedTask;
        }

        _lock = TryAcquire(files.LockFile)
            ?? throw new InvalidOperationException($"Another CoordBot is already running on {files.Database} (its lock {files.LockFile} is held); two bots on one database would answer every update twice.");
        logger.LogDebug("Holding {LockFile}", files.LockFile);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }

    /// <summary>The open lock, or null when another process (or another host in this one) holds it.</summary>
    public static FileStream? TryAcquire(string lockFile)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
        try
        {
            return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
