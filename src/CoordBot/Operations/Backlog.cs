using CoordBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Operations;

/// <summary>What waits: updates not yet handled and messages not yet sent, with the oldest of each (UTC).</summary>
public sealed record BacklogSnapshot(int Updates, DateTime? OldestUpdate, int Messages, DateTime? OldestMessage);

/// <summary>Reads the inbox and outbox backlog for readiness, metrics and /status.</summary>
public sealed class Backlog(IDbContextFactory<CoordBotDb> factory)
{
    public async Task<BacklogSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var updates = db.InboxUpdates.AsNoTracking().Where(u => u.ProcessedAt == null);
        var messages = db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxStatus.Pending);
        return new BacklogSnapshot(
            await updates.CountAsync(cancellationToken),
            await updates.MinAsync(u => (DateTime?)u.ReceivedAt, cancellationToken),
            await messages.CountAsync(cancellationToken),
            await messages.MinAsync(m => (DateTime?)m.CreatedAt, cancellationToken));
    }
}
