using System.Globalization;
using CoordBot.Domain.Voting;
using CoordBot.Persistence;
using CoordBot.Scheduling;
using CoordBot.Telegram.Delivery;
using Quartz;

namespace CoordBot.Features.Voting;

/// <summary>
/// Closes a vote at its deadline; fired at restart if the bot was down then (Quartz misfire: fire now). Safe to
/// run twice. It does not close over ballots that may still wait in the inbox (<see cref="BallotsInFlight"/>):
/// it tries again a few seconds later instead.
/// </summary>
[DisallowConcurrentExecution]
public sealed class VoteCloseJob(UnitOfWork unitOfWork, VotingService voting, VotingDelivery delivery, VoteDeadlines deadlines, BallotsInFlight inFlight, TimeProvider time) : IJob
{
    public const string VoteIdKey = "voteId";
    public const string Group = "votes";

    public static JobKey KeyFor(long voteId) => new($"vote-{voteId}", Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!long.TryParse(context.MergedJobDataMap.GetString(VoteIdKey), NumberStyles.None, CultureInfo.InvariantCulture, out var voteId))
        {
            return;
        }

        await ScheduledJobData.WaitUntilDueAsync(context, time, cancellationToken);
        await RunAsync(voteId, cancellationToken);
    }

    /// <summary>The job's work, for one vote, at the clock's now.</summary>
    public async Task<VoteClosing> RunAsync(long voteId, CancellationToken cancellationToken)
    {
        DateTime? retryAt = null;
        var outcome = await unitOfWork.RunAsync(async (db, ct) =>
        {
            var vote = await db.Votes.FindAsync([voteId], ct);
            // The rest of the job acts in the vote's body (issue 25): its delegations, its council.
            using var body = BodyScope.Enter(vote?.BodyId);
            var now = time.GetUtcNow().UtcDateTime;
            // Missing: the vote's transaction rolled back. Closed already: everyone voted before the deadline.
            if (vote is null || !vote.IsOpen)
            {
                return VoteClosing.NothingToClose;
            }

            var (everyone, lastChange) = await VotingService.VotedAsync(db, vote, ct);
            var closing = VoteClosingRules.Decide(now, vote.ClosesAt, everyone, lastChange, voting.Grace);
            if (closing.Kind == VoteClosingKind.Wait)
            {
                // Fired for an early close that a changed vote moved on, or early: the next look is the deadline or the grace's end.
                retryAt = closing.NextCheckUtc;
                return VoteClosing.NotDue;
            }

            if (closing.Kind == VoteClosingKind.Early)
            {
                await CloseAsync(db, vote, now, new EarlyClose(0, ByChair: false), ct);
                return VoteClosing.Closed;
            }

            retryAt = await inFlight.PostponeCloseAsync(db, vote, now, ct);
            if (retryAt is not null)
            {
                return VoteClosing.Postponed;
            }

            await CloseAsync(db, vote, now, null, ct);
            return VoteClosing.Closed;
        }, cancellationToken);

        if (retryAt is { } at)
        {
            // Scheduled after the transaction: the job store is another database.
            await deadlines.ScheduleAsync(voteId, at, cancellationToken);
        }

        return outcome;
    }

    /// <summary>Closes the vote and tells every delegation its result, in the job's transaction.</summary>
    private async Task CloseAsync(CoordBotDb db, Vote vote, DateTime now, EarlyClose? early, CancellationToken cancellationToken)
    {
        if (await voting.CloseAsync(db, vote, now, cancellationToken, early) is { } closed)
        {
            await delivery.DeliverAsync(db, new Outbox(db, now), [closed], cancellationToken);
        }
    }
}
