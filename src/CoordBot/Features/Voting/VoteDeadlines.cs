using System.Globalization;
using CoordBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Voting;

/// <summary>Keeps a close job for every open vote: scheduled when voting opens, and re-asserted at start (idempotent).</summary>
public sealed class VoteDeadlines(IJobScheduler scheduler)
{
    public Task ScheduleAsync(Vote vote, CancellationToken cancellationToken) =>
        scheduler.ScheduleOnceAsync<VoteCloseJob>(
            VoteCloseJob.KeyFor(vote.Id),
            new DateTimeOffset(DateTime.SpecifyKind(vote.ClosesAt, DateTimeKind.Utc)),
            new Dictionary<string, string> { [VoteCloseJob.VoteIdKey] = vote.Id.ToString(CultureInfo.InvariantCulture) },
            cancellationToken);
}

/// <summary>At start: every open vote has its close job (a job lost with a crash between commit and scheduling is recreated).</summary>
internal sealed class VoteDeadlineReconciler(Persistence.UnitOfWork unitOfWork, VoteDeadlines deadlines, ILogger<VoteDeadlineReconciler> logger) : IHostedService
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
            logger.LogInformation("{Count} open votes have their deadlines scheduled", open.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
