using CoordBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Telegram.Delivery;

/// <summary>The delivery's reads of the outbox: what is pending, what was in flight at a crash, a document's bytes.</summary>
public sealed class OutboxReader(UnitOfWork unitOfWork)
{

    /// <summary>
    /// The last term whose rows loaded by earlier terms (by a sender that stopped with them unsent) have all been claimed
    /// again: after that, a claim in the term reads only the rows no sender has loaded.
    /// </summary>
    private long _sweptTerm;

    /// <summary>Claims since the last sweep: every <see cref="SweepEvery"/>th sweeps again, for a row a sweep skipped while another held it.</summary>
    private int _sinceSweep;

    private const int SweepEvery = 256;

    /// <summary>Pending rows an earlier term loaded and did not send (its sender stopped): read once per term, and now and then.</summary>
    private const string ClaimLoadedBefore = ClaimWhere + OutboxSql.Pending + " AND \"LoadedTerm\" <> {0}" + ClaimedInOrder;

    /// <summary>Pending rows no sender has loaded, through their partial index: every claim once the term has swept.</summary>
    private const string ClaimNeverLoaded = ClaimWhere + OutboxSql.NeverLoaded + ClaimedInOrder;

    /// <summary>A claim marks with the term ({0}) the first {1} rows its condition (between these two) selects, oldest first.</summary>
    private const string ClaimWhere =
        "UPDATE \"OutboxMessages\" AS o SET \"LoadedTerm\" = {0} FROM (SELECT \"Id\" FROM \"OutboxMessages\" WHERE ";

    private const string ClaimedInOrder =
        " ORDER BY \"Id\" LIMIT {1} FOR UPDATE SKIP LOCKED) AS s WHERE o.\"Id\" = s.\"Id\" RETURNING o.\"Id\" AS \"Value\"";

    /// <summary>
    /// Claims, for the sender's term <paramref name="fence"/>, pending rows no sender has loaded in this term (PostgreSQL,
    /// where instances write side by side, so a row with a lower id may commit after one with a higher id: "above the last
    /// id seen" would miss it). The rows are marked with the term under <c>FOR UPDATE SKIP LOCKED</c> in a transaction that
    /// checks the term (a superseded sender claims nothing), and returned without a document's bytes, oldest first.
    /// A term's first claims take the rows an earlier term loaded and never sent, until none is left; every claim after
    /// that reads only rows never loaded, through their partial index (<see cref="OutboxSql.NeverLoaded"/>), so never
    /// again the rows this sender holds in memory (measured: with a backlog, every claim read all of them).
    /// </summary>
    public async Task<List<OutboxMessage>> ClaimPendingAsync(Cluster.Fence fence, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fence);
        var sweeping = Interlocked.Read(ref _sweptTerm) != fence.Term || Interlocked.Increment(ref _sinceSweep) % SweepEvery == 0;
        // A transaction of its own, not a unit of work: that would signal the outbox at its commit, and so wake this reader again.
        await using var db = await unitOfWork.ReadAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await fence.CheckAsync(db, cancellationToken);
        // The conditions are written into the text, not passed: only then can the planner read through the partial index;
        // the rows are updated by a join, since "IN (...)" read the whole table (docs/scale-out.md).
        var ids = sweeping ? await db.Database.SqlQueryRaw<long>(ClaimLoadedBefore, fence.Term, take).ToListAsync(cancellationToken) : [];
        if (sweeping && ids.Count == 0)
        {
            // Nothing an earlier term loaded is left (SKIP LOCKED may have passed a row another held: the periodic sweep takes it).
            Interlocked.Exchange(ref _sweptTerm, fence.Term);
        }

        if (ids.Count == 0)
        {
            ids = await db.Database.SqlQueryRaw<long>(ClaimNeverLoaded, fence.Term, take).ToListAsync(cancellationToken);
        }

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
