using System.Globalization;
using CoordBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Voting;

/// <summary>Keeps a close job for every open vote: scheduled when voting opens, and re-asserted at start (idempotent).</summary>
public sealed class VoteDeadlines(IJobScheduler scheduler)
{
    public Task ScheduleAsync(Vote vote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return ScheduleAsync(vote.Id, vote.ClosesAt, cancellationToken);
    }

    /// <summary>The close of <paramref name="voteId"/> at <paramref name="dueUtc"/> (the deadline, or a postponed close's next try).</summary>
    public Task ScheduleAsync(long voteId, DateTime dueUtc, CancellationToken cancellationToken) =>
        scheduler.ScheduleOnceAsync<VoteCloseJob>(
            VoteCloseJob.KeyFor(voteId),
            new DateTimeOffset(DateTime.SpecifyKind(dueUtc, DateTimeKind.Utc)),
            new Dictionary<string, string> { [VoteCloseJob.VoteIdKey] = voteId.ToString(CultureInfo.InvariantCulture) },
            cancellationToken);
}

/// <summary>
/// At start: every open vote has its close job (a job lost with a crash between commit and scheduling is
/// recreated). Taking <see cref="BallotsInFlight"/> makes it note the start before any close job runs.
/// </summary>
internal sealed class VoteDeadlineReconciler(Persistence.UnitOfWork unitOfWork, VoteDeadlines deadlines, BallotsInFlight inFlight, ILogger<VoteDeadlineReconciler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await unitOfWork.ReadAsync(cancellationToken);
        var open = await db.Votes.AsNoTracking().Where(v => v.ClosedAt == null).ToListAsync(cancellationToken);
        foreach (var vote in open)
        {
            await deadlines.ScheduleAsync(vote, cancellationToken);
        }

        if (open.Count > 0)
        {
            logger.LogInformation("{Count} open votes have their deadlines scheduled; closes wait for the inbox from {Start:O}", open.Count, inFlight.StartedAtUtc);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
