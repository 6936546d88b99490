namespace CoordBot.Domain.Voting;

/// <summary>Accepts or refuses one delegation's ballot; refusals are logged too, so nothing is silently lost.</summary>
public static class BallotRules
{
    /// <param name="current">The delegation's vote so far, if any.</param>
    public static BallotDecision Check(
        DateTime nowUtc,
        DateTime closesAtUtc,
        VoteChoice? current,
        VoteChoice requested,
        bool allowChange)
    {
        // The 24 hours are non-extendable: a late answer is refused and the delegation counts as absent.
        if (nowUtc >= closesAtUtc)
        {
            return new(BallotEntryKind.Refused, "voting has closed: the vote was not counted");
        }

        if (current is null)
        {
            return new(BallotEntryKind.Cast, null);
        }

        if (!allowChange)
        {
            return new(BallotEntryKind.Refused, "your delegation has already voted and this council does not allow changing a vote");
        }

        return current == requested
            ? new(BallotEntryKind.Refused, $"your delegation has already voted {requested.ToString().ToLowerInvariant()}")
            : new(BallotEntryKind.Changed, null);
    }
}
