using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Persistence;

/// <summary>
/// One connection and one transaction under the write gate, shared by many small steps (group commit):
/// each step gets a clean <see cref="CoordBotDb"/> (nothing tracked) on the shared connection and runs
/// inside its own savepoint, so a failing step takes back only its own changes while the others stay in the
/// transaction. Nothing is durable before <see cref="UnitOfWork.RunBatchAsync{T}"/> commits the whole.
/// </summary>
public sealed class SharedTransaction
{
    private const string Savepoint = "step";
    private readonly IDbContextFactory<CoordBotDb> _factory;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;

    /// <summary>
    /// The context of the steps. Creating a DbContext costs more than a small update's own work, so a step
    /// that succeeded hands it on with its change tracker cleared; a step that failed discards it.
    /// </summary>
    private CoordBotDb? _context;

    /// <summary>
    /// The savepoint of the last step that succeeded is still set: it is released together with the next step's savepoint
    /// (one command, one round trip to PostgreSQL instead of two per step), or by the commit.
    /// </summary>
    private bool _savepointSet;

    internal SharedTransaction(IDbContextFactory<CoordBotDb> factory, CoordBotDb host, DbConnection connection, DbTransaction transaction)
    {
        _factory = factory;
        Host = host;
        _connection = connection;
        _transaction = transaction;
    }

    /// <summary>A context for the batch's own bookkeeping (reading what to do, marking it done); save it yourself.</summary>
    public CoordBotDb Host { get; }

    /// <summary>Values read once for the whole transaction; cleared when a step rolls back.</summary>
    public TransactionMemo Memo { get; } = new();

    /// <summary>
    /// Runs <paramref name="work"/> in a clean context (nothing tracked) inside a savepoint and saves its changes. On an
    /// exception the step's changes are rolled back (the rest of the transaction is kept) and the
    /// exception is rethrown; if even the rollback fails, <see cref="SharedTransactionBrokenException"/>
    /// says that the whole transaction must be abandoned.
    /// </summary>
    public async Task<T> RunStepAsync<T>(Func<CoordBotDb, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await ExecuteAsync(_savepointSet ? $"RELEASE SAVEPOINT {Savepoint}; SAVEPOINT {Savepoint}" : $"SAVEPOINT {Savepoint}", cancellationToken);
        _savepointSet = true;
        var db = _context ??= NewContext();
        var addedBefore = Memo.AddsOutboxRows;
        try
        {
            var result = await work(db, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            // The next step starts with nothing tracked, as in a fresh context.
            db.ChangeTracker.Clear();
            return result;
        }
        catch (Exception failure)
        {
            // A context that saw a failure is not reused: whatever state it holds goes with it.
            _context = null;
            await db.DisposeAsync();
            Memo.Clear();
            Memo.AddsOutboxRows = addedBefore;
            try
            {
                await ExecuteAsync($"ROLLBACK TO SAVEPOINT {Savepoint}; RELEASE SAVEPOINT {Savepoint}", CancellationToken.None);
                _savepointSet = false;
            }
            catch (Exception rollback)
            {
                throw new SharedTransactionBrokenException(failure, rollback);
            }

            throw;
        }
    }

    public Task RunStepAsync(Func<CoordBotDb, CancellationToken, Task> work, CancellationToken cancellationToken) =>
        RunStepAsync<bool>(async (db, ct) =>
        {
            await work(db, ct);
            return true;
        }, cancellationToken);

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Disposes the step context kept for the next step.</summary>
    internal async ValueTask DisposeStepContextAsync()
    {
        if (_context is { } db)
        {
            _context = null;
            await db.DisposeAsync();
        }
    }

    private CoordBotDb NewContext()
    {
        var db = _factory.CreateDbContext();
        db.Database.SetDbConnection(_connection, contextOwnsConnection: false);
        db.Database.UseTransaction(_transaction);
        // The step's savepoint already isolates it; EF's own savepoint around SaveChanges would be a second one.
        db.Database.AutoSavepointsEnabled = false;
        db.Memo = Memo;
        return db;
    }
}

/// <summary>A step failed and its savepoint could not be rolled back: the shared transaction is unusable.</summary>
public sealed class SharedTransactionBrokenException(Exception failure, Exception rollback)
    : Exception($"A step failed ({failure.GetType().Name}: {failure.Message}) and rolling it back failed too ({rollback.GetType().Name}: {rollback.Message})", failure);
