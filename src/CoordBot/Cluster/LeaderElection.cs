using System.Collections.Concurrent;
using CoordBot.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoordBot.Cluster;

/// <summary>
/// Runs work that only one instance of a cluster may do at a time (polling Telegram, sending the outbox) on the
/// instance that holds its <see cref="Leadership"/>. On PostgreSQL the role is a session advisory lock
/// (<c>pg_try_advisory_lock</c>) held on a dedicated, unpooled connection: the server releases it the moment that
/// connection ends, however the process ends, so no lease has to run out and no lock service is written here. The others
/// ask again every <see cref="ClusterOptions.LeaderRetry"/>; the holder checks its connection as often and stops the
/// work when the connection is gone (another instance may hold the role by then). On SQLite there is one process: the
/// work simply runs.
/// </summary>
public sealed class LeaderElection(
    ISqlDialect dialect,
    IOptions<DatabaseOptions> database,
    IOptions<ClusterOptions> options,
    ILogger<LeaderElection> logger)
{
    /// <summary>Elections are paced in real time: a test's frozen clock must not stop the fail-over.</summary>
    private static readonly TimeProvider Pace = TimeProvider.System;

    private readonly ConcurrentDictionary<Leadership, TaskCompletionSource> _held = new();
    private readonly ConcurrentDictionary<Leadership, (Fence Fence, CancellationTokenSource Term)> _terms = new();

    /// <summary>True while this instance holds <paramref name="role"/> (always, on SQLite, once the work has started).</summary>
    public bool Holds(Leadership role) => Signal(role).Task.IsCompleted;

    /// <summary>Completes when this instance holds <paramref name="role"/> (at once if it does now).</summary>
    public Task HeldAsync(Leadership role, CancellationToken cancellationToken) => Signal(role).Task.WaitAsync(cancellationToken);

    /// <summary>
    /// The term this instance holds <paramref name="role"/> in, for the holder's writes to check (<see cref="Fence.CheckAsync"/>);
    /// null on SQLite (one process, nothing to fence) or when it does not hold the role.
    /// </summary>
    public Fence? FenceOf(Leadership role) => _terms.TryGetValue(role, out var held) ? held.Fence : null;

    /// <summary>
    /// A write of <paramref name="fence"/> was refused: a newer term has begun elsewhere, so this one ends now, without
    /// waiting for the next check of the lock connection.
    /// </summary>
    public void Superseded(Fence fence)
    {
        if (_terms.TryGetValue(fence.Role, out var held) && held.Fence == fence)
        {
            logger.LogWarning("The {Fence} was superseded by another instance's; stopping that work", fence);
            try
            {
                held.Term.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The term has just ended anyway.
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="lead"/> whenever this instance holds <paramref name="role"/>, until <paramref name="stoppingToken"/>
    /// is cancelled. The token given to <paramref name="lead"/> is cancelled when the role is lost; <paramref name="lead"/>
    /// should then return, and it is started afresh (reading its state from the database) if the role comes back.
    /// </summary>
    public async Task LeadAsync(Leadership role, Func<CancellationToken, Task> lead, CancellationToken stoppingToken)
    {
        if (dialect.Provider != DatabaseProvider.PostgreSql)
        {
            Signal(role).TrySetResult();
            await lead(stoppingToken);
            return;
        }

        var retry = options.Value.LeaderRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await TryAcquireAsync(role, stoppingToken);
                if (connection is not null)
                {
                    var fence = await RaiseTermAsync(role, connection, stoppingToken);
                    await HoldAsync(fence, connection, lead, stoppingToken);
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The server unreachable or the work failed: ask again after the pause, as a follower would.
                logger.LogWarning("The {Role} role could not be taken or held ({ErrorType}: {Reason}); asking again in {Pause}", role, ex.GetType().Name, ex.Message.ReplaceLineEndings(" "), retry);
            }

            try
            {
                await Task.Delay(retry, Pace, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The open lock connection when the role was free; null (and no connection left open) when another holds it.</summary>
    private async Task<NpgsqlConnection?> TryAcquireAsync(Leadership role, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(LockConnectionString(database.Value.ConnectionString));
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT pg_try_advisory_lock(@class, @key)";
            command.Parameters.AddWithValue("class", Leadership.ClassId);
            command.Parameters.AddWithValue("key", role.Key);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return connection;
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>
    /// Begins this instance's term, before any of its work: the role's term in the database is raised, so whatever the
    /// previous holder still tries to write from now on is refused (<see cref="Fence"/>).
    /// </summary>
    private static async Task<Fence> RaiseTermAsync(Leadership role, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Fence.RaiseTermSql;
        Fence.AddRole(command, role);
        return new Fence(role, (long)(await command.ExecuteScalarAsync(cancellationToken))!);
    }

    private async Task HoldAsync(Fence fence, NpgsqlConnection connection, Func<CancellationToken, Task> lead, CancellationToken stoppingToken)
    {
        var role = fence.Role;
        logger.LogInformation("This instance is now the {Role} (term {Term})", role, fence.Term);
        using var term = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        _terms[role] = (fence, term);
        Signal(role).TrySetResult();
        var leading = Task.Run(() => lead(term.Token), CancellationToken.None);
        try
        {
            while (!leading.IsCompleted)
            {
                var tick = Task.Delay(options.Value.LeaderRetry, Pace, term.Token);
                await Task.WhenAny(leading, tick);
                if (leading.IsCompleted || term.IsCancellationRequested)
                {
                    break;
                }

                if (!await AliveAsync(connection, stoppingToken))
                {
                    logger.LogWarning("The {Role} role's lock connection was lost; stopping that work (another instance may take it over)", role);
                    break;
                }
            }
        }
        finally
        {
            // The role is given up before the work ends, so nothing here claims it while another may hold it.
            _held.TryRemove(role, out _);
            _terms.TryRemove(role, out _);
            await term.CancelAsync();
            try
            {
                await leading;
            }
            catch (OperationCanceledException) when (term.IsCancellationRequested)
            {
                // The work stopped because the role (or the host) ended.
            }
        }

        if (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("This instance gave up the {Role} role", role);
        }
    }

    private static async Task<bool> AliveAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            command.CommandTimeout = 5;
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return false;
        }
    }

    private TaskCompletionSource Signal(Leadership role) =>
        _held.GetOrAdd(role, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>
    /// The bot's connection string for a lock connection: unpooled (closing it must end the session, and with it the
    /// lock; a pool would keep the session, and the lock, alive), with TCP keepalives so a vanished server is noticed.
    /// </summary>
    internal static string LockConnectionString(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            KeepAlive = 5,
            TcpKeepAlive = true,
            Timeout = 5,
            ApplicationName = "coordbot-cluster",
        }.ConnectionString;
}
