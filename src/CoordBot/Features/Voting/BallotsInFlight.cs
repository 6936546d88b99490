using CoordBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Voting;

/// <summary>
/// Whether ballots sent before a deadline may still wait to be handled, so that the close job does not close a
/// vote over them: after a restart, updates Telegram held while the bot was down are fetched and handled only
/// shortly after the start, and each is judged by when it was sent. A ballot may wait while the inbox holds
/// updates not yet handled, or while receiving is still catching up after the start (<see cref="StartGrace"/>).
/// The close waits at most <see cref="MaxWait"/> past the later of the deadline and the start, so a stuck
/// update cannot hold a result back for good.
/// </summary>
public sealed class BallotsInFlight(TimeProvider time)
{
    /// <summary>Time given to receiving after a start to fetch what Telegram held (one long poll, or the webhook's first deliveries).</summary>
    public static readonly TimeSpan StartGrace = TimeSpan.FromSeconds(10);

    /// <summary>How soon a postponed close is tried again.</summary>
    public static readonly TimeSpan Retry = TimeSpan.FromSeconds(3);

    /// <summary>The longest a close waits for the inbox, past the later of the deadline and the start.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(2);

    /// <summary>When this process started handling (the singleton is created with the host's start).</summary>
    public DateTime StartedAtUtc { get; } = time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Null: nothing can still be waiting (or waiting is over), close now. Otherwise the time to try again.
    /// </summary>
    public async Task<DateTime?> PostponeCloseAsync(CoordBotDb db, Vote vote, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(vote);
        var waitUntil = (vote.ClosesAt > StartedAtUtc ? vote.ClosesAt : StartedAtUtc) + MaxWait;
        if (nowUtc >= waitUntil)
        {
            return null;
        }

        var catchingUp = nowUtc < StartedAtUtc + StartGrace;
        if (!catchingUp && !await db.InboxUpdates.AnyAsync(u => u.ProcessedAt == null, cancellationToken))
        {
            return null;
        }

        var retry = nowUtc + Retry;
        return retry < waitUntil ? retry : waitUntil;
    }
}
