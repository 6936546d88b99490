using CoordBot.Telegram.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoordBot.Persistence;

/// <summary>
/// One transaction for one event (an update or a timer): the change, the processed mark and every
/// outgoing message commit together, or none does. <see cref="RunBatchAsync{T}"/> does the same for
/// many events in one transaction (group commit), each event isolated by a savepoint. Writers of one process queue in its
/// <see cref="WriteGate"/> (SQLite's one writer); the instances of a cluster on PostgreSQL take no common lock, they claim
/// rows (<see cref="ISqlDialect.ClaimsRows"/>).
/// </summary>
public sealed class UnitOfWork(IDbContextFactory<CoordBotDb> factory, WriteGate gate, OutboxSignal outboxSignal)
{
    public Task<T> RunAsync<T>(Func<CoordBotDb, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(work, wakesSender: true, cancellationToken);

    /// <param name="wakesSender">
    /// False for a writer that never adds outbox rows (storing updates, the sender's own journal): waking the sender for
    /// it costs a load of the outbox for nothing (on PostgreSQL a claim, a write with its term check; measured at two per
    /// update before, docs/scale-out.md).
    /// </param>
    public async Task<T> RunAsync<T>(Func<CoordBotDb, CancellationToken, Task<T>> work, bool wakesSender, CancellationToken cancellationToken)
    {
        T result;
        using (await gate.EnterAsync(cancellationToken))
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // A failure abandons the whole transaction anyway; EF's savepoint around SaveChanges buys nothing.
            db.Database.AutoSavepointsEnabled = false;
            result = await work(db, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (wakesSender)
        {
            outboxSignal.Notify();
        }

        return result;
    }

    public Task RunAsync(Func<CoordBotDb, CancellationToken, Task> work, CancellationToken cancellationToken) =>
        RunAsync(work, wakesSender: true, cancellationToken);

    /// <inheritdoc cref="RunAsync{T}(Func{CoordBotDb, CancellationToken, Task{T}}, bool, CancellationToken)"/>
    public Task RunAsync(Func<CoordBotDb, CancellationToken, Task> work, bool wakesSender, CancellationToken cancellationToken) =>
        RunAsync<bool>(async (db, ct) =>
        {
            await work(db, ct);
            return true;
        }, wakesSender, cancellationToken);

    /// <summary>
    /// Group commit: one connection, one transaction and one durable commit for many steps (see
    /// <see cref="SharedTransaction.RunStepAsync{T}"/>). If <paramref name="work"/> throws, nothing of it
    /// is committed. The outbox is signalled once, after the commit.
    /// </summary>
    public async Task<T> RunBatchAsync<T>(Func<SharedTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        T result;
        using (await gate.EnterAsync(cancellationToken))
        {
            await using var host = await factory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await host.Database.BeginTransactionAsync(cancellationToken);
            host.Database.AutoSavepointsEnabled = false;
            var shared = new SharedTransaction(factory, host, host.Database.GetDbConnection(), transaction.GetDbTransaction());
            try
            {
                result = await work(shared, cancellationToken);
            }
            finally
            {
                await shared.DisposeStepContextAsync();
            }

            if (shared.Memo.AddsOutboxRows)
            {
                // The steps' outbox rows, announced to the other instances once for the batch (PostgreSQL; not once per step).
                await Cluster.OutboxAnnouncer.AnnounceAsync(host, cancellationToken);
            }

            await host.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        outboxSignal.Notify();
        return result;
    }

    /// <summary>A read-only context for queries outside any transaction (WAL lets readers run beside the writer).</summary>
    public Task<CoordBotDb> ReadAsync(CancellationToken cancellationToken) => factory.CreateDbContextAsync(cancellationToken);
}
