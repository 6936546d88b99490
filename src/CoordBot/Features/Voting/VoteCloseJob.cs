using CoordBot.Persistence;
using CoordBot.Scheduling;
using CoordBot.Telegram.Delivery;
using Quartz;

namespace CoordBot.Features.Voting;

/// <summary>Closes a vote at its deadline; fired at restart if the bot was down then (Quartz misfire: fire now). Safe to run twice.</summary>
[DisallowConcurrentExecution]
public sealed class VoteCloseJob(UnitOfWork unitOfWork, VotingService voting, TimeProvider time) : IJob
{
    public const string VoteIdKey = "voteId";
    public const string Group = "votes";

    public static JobKey KeyFor(long voteId) => new($"vote-{voteId}", Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (!long.TryParse(context.MergedJobDataMap.GetString(VoteIdKey), out var voteId))
        {
            return;
        }

        await ScheduledJobData.WaitUntilDueAsync(context, time, cancellationToken);
        await unitOfWork.RunAsync(async (db, ct) =>
        {
            var vote = await db.Votes.FindAsync([voteId], ct);
            var now = time.GetUtcNow().UtcDateTime;
            // Missing: the vote's transaction rolled back. Closed already: everyone voted before the deadline.
            if (vote is null || !vote.IsOpen || now < vote.ClosesAt)
            {
                return;
            }

            await voting.CloseAsync(db, new Outbox(db, now), vote, now, ct);
        }, cancellationToken);
    }
}
