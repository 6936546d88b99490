using System.Data.Common;
using CoordBot.Persistence;
using CoordBot.Cluster;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoordBot.Telegram.Receiving;

/// <summary>
/// Stores received updates before they are confirmed to Telegram. A repeated update_id is skipped,
/// so an update that arrives twice (a redelivery after a crash, a webhook retry) has one effect.
/// </summary>
public sealed class InboxWriter(UnitOfWork unitOfWork, ISqlDialect dialect, InboxSignal signal, TimeProvider time, CoordBot.Operations.Metrics.CoordBotMetrics metrics)
{
    /// <param name="fence">The poller's term, checked in the same transaction (null: a webhook call, or one process).</param>
    public async Task<int> StoreAsync(IReadOnlyList<RawUpdate> updates, CancellationToken cancellationToken, Fence? fence = null)
    {
        if (updates.Count == 0)
        {
            return 0;
        }

        var stored = await unitOfWork.RunAsync(async (db, ct) =>
        {
            if (fence is not null)
            {
                await fence.CheckAsync(db, ct);
            }

            var now = dialect.Timestamp(time.GetUtcNow().UtcDateTime);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            // One prepared statement per update; the primary key skips a known update_id. (Plain SQL: a poll of
            // 100 updates through the change tracker cost about as much as handling them.)
            command.CommandText = dialect.InsertInboxUpdateIfNew;
            var id = Parameter(command, "@id");
            var chat = Parameter(command, "@chat");
            var payload = Parameter(command, "@payload");
            Parameter(command, "@at").Value = now;
            var count = 0;
            foreach (var update in updates)
            {
                id.Value = update.UpdateId;
                chat.Value = update.ChatId is { } c ? c : DBNull.Value;
                payload.Value = update.Json;
                count += await command.ExecuteNonQueryAsync(ct);
            }

            if (count > 0 && dialect.AnnounceInbox is { } announce)
            {
                // The other instances' dispatchers wake too, once this commits (one of them may be idle while this one is busy).
                await db.Database.ExecuteSqlRawAsync(announce, ct);
            }

            return count;
        }, wakesSender: false, cancellationToken);

        if (stored > 0)
        {
            signal.Notify();
            metrics.UpdatesReceived(stored);
        }

        return stored;
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
