using CoordBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Telegram.Receiving;

/// <summary>
/// Stores received updates before they are confirmed to Telegram. A repeated update_id is skipped,
/// so an update that arrives twice (a redelivery after a crash, a webhook retry) has one effect.
/// </summary>
public sealed class InboxWriter(UnitOfWork unitOfWork, InboxSignal signal, TimeProvider time)
{
    public async Task<int> StoreAsync(IReadOnlyList<RawUpdate> updates, CancellationToken cancellationToken)
    {
        if (updates.Count == 0)
        {
            return 0;
        }

        var stored = await unitOfWork.RunAsync(async (db, ct) =>
        {
            var ids = updates.Select(u => u.UpdateId).ToList();
            var known = await db.InboxUpdates.Where(u => ids.Contains(u.UpdateId)).Select(u => u.UpdateId).ToListAsync(ct);
            var seen = known.ToHashSet();
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var update in updates)
            {
                if (seen.Add(update.UpdateId))
                {
                    db.InboxUpdates.Add(new InboxUpdate { UpdateId = update.UpdateId, ChatId = update.ChatId, Payload = update.Json, ReceivedAt = now });
                }
            }

            return seen.Count - known.Count;
        }, cancellationToken);

        if (stored > 0)
        {
            signal.Notify();
        }

        return stored;
    }
}
