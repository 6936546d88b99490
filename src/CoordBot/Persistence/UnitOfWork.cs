using CoordBot.Telegram.Delivery;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Persistence;

/// <summary>
/// One transaction for one event (an update or a timer): the change, the processed mark and every
/// outgoing message commit together, or none does.
/// </summary>
public sealed class UnitOfWork(IDbContextFactory<CoordBotDb> factory, WriteGate gate, OutboxSignal outboxSignal)
{
    public async Task<T> RunAsync<T>(Func<CoordBotDb, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        T result;
        using (await gate.EnterAsync(cancellationToken))
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
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

    /// <summary>A read-only context for queries outside any transaction (WAL lets readers run beside the writer).</summary>
    public Task<CoordBotDb> ReadAsync(CancellationToken cancellationToken) => factory.CreateDbContextAsync(cancellationToken);
}
