namespace CoordBot.Domain.Voting;

/// <summary>Accepts or refuses one delegation's ballot; refusals are logged too, so nothing is silently lost.</summary>
public static class BallotRules
{
    /// <param name="sentUtc">When the ballot was sent (not when it was handled): a ballot sent in time counts.</param>
    /// <param name="current">The delegation's vote so far, if any.</param>
    /// <param name="closed">The vote is closed already (everyone had voted): nothing more is counted, whenever it was sent.</param>
    public static BallotDecision Check(
        DateTime sentUtc,
        DateTime closesAtUtc,
        VoteChoice? current,
        VoteChoice requested,
        bool allowChange,
        bool closed = false)
    {
        // The 24 hours are non-extendable: a late answer is refused and the delegation counts as absent.
        if (closed || sentUtc >= closesAtUtc)
        {
            return new(BallotEntryKind.Refused, Reason.Of(ReasonCode.VotingClosed));
        }

        if (current is null)
        {
            return new(BallotEntryKind.Cast, null);
        }

        if (!allowChange)
        {
            return new(BallotEntryKind.Refused, Reason.Of(ReasonCode.AlreadyVotedNoChange));
        }

        return current == requested
            ? new(BallotEntryKind.Refused, Reason.Of(AlreadyVoted(requested)))
            : new(BallotEntryKind.Changed, null);
    }

    private static ReasonCode AlreadyVoted(VoteChoice choice) => choice switch
    {
        VoteChoice.Yes => ReasonCode.AlreadyVotedYes,
        VoteChoice.No => ReasonCode.AlreadyVotedNo,
        VoteChoice.Abstain => ReasonCode.AlreadyVotedAbstain,
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, null),
    };
}
