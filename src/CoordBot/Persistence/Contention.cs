using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CoordBot.Persistence;

/// <summary>
/// The targeted means by which instances on one PostgreSQL database share what is truly shared, in place of one lock of
/// the whole cluster: a row locked while it is read and extended (<see cref="LockAsync"/>), and the failures that mean
/// "another instance got there first; do it again on what it committed" (<see cref="Is"/>): an optimistic concurrency
/// token that no longer matches, a unique index that refused a second row, a deadlock or serialization failure broken
/// by the server. On SQLite (one writer) none of them happens and <see cref="LockAsync"/> does nothing.
/// </summary>
public static class Contention
{
    /// <summary>True when <paramref name="failure"/> is lost to another writer, so doing the work again may succeed.</summary>
    public static bool Is(Exception failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is DbUpdateConcurrencyException)
            {
                return true;
            }

            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.LockNotAvailable })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Locks one row of <paramref name="table"/> by its <c>Id</c> until the transaction ends (<c>SELECT ... FOR UPDATE</c>),
    /// so what is read after it (a hash chain's tail, whether a vote is still open) stays true until the commit; then
    /// reloads <paramref name="entity"/>, which may have been read before another instance's commit. Nothing on SQLite.
    /// </summary>
    public static async Task LockAsync<T>(CoordBotDb db, string table, long id, T entity, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db is not PostgreSqlCoordBotDb)
        {
            return;
        }

        await using (var command = db.Database.GetDbConnection().CreateCommand())
        {
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"SELECT 1 FROM \"{table}\" WHERE \"Id\" = @id FOR UPDATE";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@id";
            parameter.Value = id;
            command.Parameters.Add(parameter);
            await command.ExecuteScalarAsync(cancellationToken);
        }

        var entry = db.Entry(entity);
        if (entry.State is EntityState.Unchanged)
        {
            await entry.ReloadAsync(cancellationToken);
        }
    }
}
