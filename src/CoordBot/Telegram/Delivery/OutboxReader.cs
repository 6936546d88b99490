using CoordBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Telegram.Delivery;

/// <summary>The delivery's reads of the outbox: what is pending, what was in flight at a crash, a document's bytes.</summary>
public sealed class OutboxReader(UnitOfWork unitOfWork)
{
    /// <summary>Pending rows above <paramref name="afterId"/>, in commit order, without a document's bytes.</summary>
    public async Task<List<OutboxMessage>> ReadPendingAsync(long afterId, int take, CancellationToken cancellationToken)
    {
        await using var db = await unitOfWork.ReadAsync(cancellationToken);
        // Ids grow in commit order (one writer at a time), so "above the last one seen" finds every new row.
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.Id > afterId)
            .OrderBy(m => m.Id)
            .Take(take)
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
            })
            .ToListAsync(cancellationToken);
    }

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
