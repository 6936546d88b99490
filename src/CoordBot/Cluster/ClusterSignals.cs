using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using CoordBot.Telegram.Receiving;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoordBot.Cluster;

/// <summary>
/// Carries "updates were stored" and "outbox rows were committed" between the instances of a cluster, with
/// PostgreSQL's LISTEN/NOTIFY: a NOTIFY sent inside a transaction is delivered when, and only when, it commits. So an
/// update stored by one instance wakes every instance's dispatcher, and a reply written by any instance wakes the elected
/// sender's loop, as the in-process signals do with one process. On (re)connecting both are signalled, for what was
/// committed while nobody listened; and the inbox is looked at every <see cref="ClusterOptions.InboxSweep"/>, for the
/// updates an instance stored and then died before handling (its transaction was rolled back, so nobody was told).
/// PostgreSQL only.
/// </summary>
internal sealed class ClusterSignals(
    IOptions<DatabaseOptions> database,
    IOptions<ClusterOptions> options,
    InboxSignal inbox,
    OutboxSignal outbox,
    ILogger<ClusterSignals> logger) : BackgroundService
{
    public const string InboxChannel = "coordbot_inbox";
    public const string OutboxChannel = "coordbot_outbox";

    private static readonly TimeProvider Pace = TimeProvider.System;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweep = SweepAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Listening for the other instances' commits failed ({ErrorType}: {Reason}); listening again in {Pause}", ex.GetType().Name, ex.Message.ReplaceLineEndings(" "), options.Value.LeaderRetry);
                try
                {
                    await Task.Delay(options.Value.LeaderRetry, Pace, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        await sweep;
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = new NpgsqlConnection(LeaderElection.LockConnectionString(database.Value.ConnectionString));
        connection.Notification += (_, e) => (e.Channel == InboxChannel ? (Action)inbox.Notify : outbox.Notify)();
        await connection.OpenAsync(stoppingToken);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"LISTEN {InboxChannel}; LISTEN {OutboxChannel}";
            await command.ExecuteNonQueryAsync(stoppingToken);
        }

        inbox.Notify();
        outbox.Notify();
        while (true)
        {
            // The connection's keepalive turns a vanished server into an exception here.
            await connection.WaitAsync(stoppingToken);
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.InboxSweep, Pace);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                inbox.Notify();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}

/// <summary>
/// Sends the outbox channel's NOTIFY in a transaction that adds outbox rows (delivered only if it commits). A step of a
/// batch (a context with a <see cref="TransactionMemo"/>) only marks the memo, and the batch announces once before its
/// commit (<see cref="AnnounceAsync"/>): PostgreSQL folds a transaction's equal notifications into one anyway, so a
/// NOTIFY per step was a round trip per update for nothing.
/// </summary>
internal sealed class OutboxAnnouncer : SaveChangesInterceptor
{
    public static readonly OutboxAnnouncer Instance = new();

    private const string Notify = "NOTIFY " + ClusterSignals.OutboxChannel;

    /// <summary>Tells the other instances, at the commit, that <paramref name="db"/>'s transaction added outbox rows.</summary>
    public static Task AnnounceAsync(DbContext db, CancellationToken cancellationToken) => db.Database.ExecuteSqlRawAsync(Notify, cancellationToken);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (AddsOutboxRows(eventData.Context) && !MarkedForBatch(eventData.Context!))
        {
            eventData.Context!.Database.ExecuteSqlRaw(Notify);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (AddsOutboxRows(eventData.Context) && !MarkedForBatch(eventData.Context!))
        {
            await AnnounceAsync(eventData.Context!, cancellationToken);
        }

        return result;
    }

    private static bool AddsOutboxRows(DbContext? context) =>
        context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);

    /// <summary>A step of a batch: its batch announces at the end.</summary>
    private static bool MarkedForBatch(DbContext context)
    {
        if (context is CoordBotDb { Memo: { } memo })
        {
            memo.AddsOutboxRows = true;
            return true;
        }

        return false;
    }
}
