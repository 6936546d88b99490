using CoordBot.Telegram.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoordBot.Persistence;

/// <summary>
/// One transaction for one event (an update or a timer): the change, the processed mark and every
/// outgoing message commit together, or none does. <see cref="RunBatchAsync{T}"/> does the same for
/// many events in one transaction (group commit), each event isolated by a savepoint. Writers queue in the
/// process's <see cref="WriteGate"/>, then (on PostgreSQL) take the cluster's write lock (<see cref="ISqlDialect.EnterWriteAsync"/>).
/// </summary>
/// <param name="dialect">The engine's cluster write lock; null (no lock beyond the gate) where only a bare container of one process exists, such as a narrow test.</param>
public sealed class UnitOfWork(IDbContextFactory<CoordBotDb> factory, WriteGate gate, OutboxSignal outboxSignal, ISqlDialect? dialect = null)
{
    public async Task<T> RunAsync<T>(Func<CoordBotDb, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        T result;
        using (await gate.EnterAsync(cancellationToken))
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await EnterWriteAsync(transaction.GetDbTransaction(), cancellationToken);
            // A failure abandons the whole transaction anyway; EF's savepoint around SaveChanges buys nothing.
            db.Database.AutoSavepointsEnabled = false;
            result = await work(db, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        outboxSignal.Notify();
        return result;
    }

    public Task RunAsync(Func<CoordBotDb, CancellationToken, Task> work, CancellationToken cancellationToken) =>
        RunAsync<bool>(async (db, ct) =>
        {
            await work(db, ct);
            return true;
        }, cancellationToken);

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
            await EnterWriteAsync(transaction.GetDbTransaction(), cancellationToken);
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

            await host.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        outboxSignal.Notify();
        return result;
    }

    private Task EnterWriteAsync(System.Data.Common.DbTransaction transaction, CancellationToken cancellationToken) =>
        dialect?.EnterWriteAsync(transaction, cancellationToken) ?? Task.CompletedTask;

    /// <summary>A read-only context for queries outside any transaction (WAL lets readers run beside the writer).</summary>
    public Task<CoordBotDb> ReadAsync(CancellationToken cancellationToken) => factory.CreateDbContextAsync(cancellationToken);
}
