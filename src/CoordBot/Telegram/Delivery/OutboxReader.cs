using CoordBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Telegram.Delivery;

/// <summary>The delivery's reads of the outbox: what is pending, what was in flight at a crash, a document's bytes.</summary>
public sealed class OutboxReader(UnitOfWork unitOfWork)
{
    /// <summary>
    /// Claims, for the sender's term <paramref name="fence"/>, pending rows no sender has loaded in this term (PostgreSQL,
    /// where instances write side by side, so a row with a lower id may commit after one with a higher id: "above the last
    /// id seen" would miss it). The rows are marked with the term under <c>FOR UPDATE SKIP LOCKED</c> in a transaction that
    /// checks the term (a superseded sender claims nothing), and returned without a document's bytes, oldest first.
    /// </summary>
    public async Task<List<OutboxMessage>> ClaimPendingAsync(Cluster.Fence fence, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fence);
        // A transaction of its own, not a unit of work: that would signal the outbox at its commit, and so wake this reader again.
        await using var db = await unitOfWork.ReadAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await fence.CheckAsync(db, cancellationToken);
        var ids = await db.Database.SqlQueryRaw<long>(
            "UPDATE \"OutboxMessages\" SET \"LoadedTerm\" = {0} WHERE \"Id\" IN (SELECT \"Id\" FROM \"OutboxMessages\" " +
            "WHERE \"Status\" = {1} AND (\"LoadedTerm\" IS NULL OR \"LoadedTerm\" <> {0}) ORDER BY \"Id\" LIMIT {2} FOR UPDATE SKIP LOCKED) " +
            "RETURNING \"Id\" AS \"Value\"",
            fence.Term, (int)OutboxStatus.Pending, take).ToListAsync(cancellationToken);
        var rows = ids.Count == 0 ? [] : await Rows(db.OutboxMessages.Where(m => ids.Contains(m.Id))).ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    /// <summary>Pending rows above <paramref name="afterId"/>, in commit order, without a document's bytes.</summary>
    public async Task<List<OutboxMessage>> ReadPendingAsync(long afterId, int take, CancellationToken cancellationToken)
    {
        await using var db = await unitOfWork.ReadAsync(cancellationToken);
        // Ids grow in commit order (SQLite: one writer at a time), so "above the last one seen" finds every new row.
        return await Rows(db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending && m.Id > afterId))
            .Take(take)
            .ToListAsync(cancellationToken);
    }

    private static IQueryable<OutboxMessage> Rows(IQueryable<OutboxMessage> rows) =>
        rows.AsNoTracking()
            .OrderBy(m => m.Id)
            .Select(m => new OutboxMessage
            {
                // Everything but a document's bytes, which are read only when it is sent.
                Id = m.Id,
                ChatId = m.ChatId,
                Kind = m.Kind,
                Text = m.Text,
                Buttons = m.Buttons,
                DocumentName = m.DocumentName,
                DocumentFileId = m.DocumentFileId,
                TargetMessageId = m.TargetMessageId,
                CallbackQueryId = m.CallbackQueryId,
                CreatedAt = m.CreatedAt,
                Status = m.Status,
                Attempts = m.Attempts,
                NextAttemptAt = m.NextAttemptAt,
                NotAfter = m.NotAfter,
                LastError = m.LastError,
                ClaimedAt = m.ClaimedAt,
                TraceParent = m.TraceParent,
            });

    /// <summary>Pending rows still claimed: they were in flight when the process stopped, and may have reached Telegram.</summary>
    public async Task<List<long>> ReadClaimedAsync(CancellationToken cancellationToken)
    {
        await using var db = await unitOfWork.ReadAsync(cancellationToken);
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.ClaimedAt != null)
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The chat and time of every send that counts against Telegram's limits since <paramref name="sinceUtc"/>, oldest
    /// first: rows sent, and rows still claimed (in flight when their sender stopped, so perhaps received by Telegram).
    /// </summary>
    public async Task<List<(long ChatId, DateTime At)>> ReadRecentSendsAsync(DateTime sinceUtc, CancellationToken cancellationToken)
    {
        await using var db = await unitOfWork.ReadAsync(cancellationToken);
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Kind != OutboxKind.AnswerCallback && ((m.SentAt != null && m.SentAt >= sinceUtc) || (m.Status == OutboxStatus.Pending && m.ClaimedAt != null && m.ClaimedAt >= sinceUtc)))
            .Select(m => new { m.ChatId, At = m.SentAt ?? m.ClaimedAt!.Value })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.At).Select(r => (r.ChatId, r.At))];
    }

    public async Task<byte[]?> ReadDocumentAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await unitOfWork.ReadAsync(cancellationToken);
        return await db.OutboxMessages.Where(m => m.Id == id).Select(m => m.DocumentContent).SingleAsync(cancellationToken);
    }
}
