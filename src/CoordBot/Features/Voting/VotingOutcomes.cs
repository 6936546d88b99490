using CoordBot.Domain;
using CoordBot.Domain.Voting;

namespace CoordBot.Features.Voting;

/// <summary>A ballot was recorded: the facts of the receipt.</summary>
public sealed record BallotRecorded(string DelegationCode, VoteChoice Choice, long DraftId, int Version, string TextHash, DateTime AtUtc, bool Changed, string CastByName);

/// <summary>A ballot was not recorded, and why: a code, with the domain's own reason where the ballot rules refused it.</summary>
public sealed record BallotRefusal(BallotRefusalCode Code, string? DelegationCode = null, Reason? RuleReason = null);

public enum BallotRefusalCode
{
    /// <summary><see cref="Domain.Membership.Permissions.MayCastBallot"/> refused: not the head or deputy of a delegation.</summary>
    NotAVoter,

    /// <summary>The delegation is a party to the dispute.</summary>
    Recused,

    /// <summary>The delegation is not among those voting.</summary>
    NotVoting,

    /// <summary><see cref="BallotRules"/> refused (late, closed, already voted); its reason is in <see cref="BallotRefusal.RuleReason"/>.</summary>
    BallotRules,
}

/// <summary>The votes of a vote and the decision they make: counted in one place (<see cref="VoteTally"/>).</summary>
public sealed record VoteCount(IReadOnlyList<Ballot> Ballots, DecisionResult Result);

/// <summary>What became of a close job's firing.</summary>
public enum VoteClosing
{
    /// <summary>The vote is gone (its transaction rolled back) or was closed already (everyone voted).</summary>
    NothingToClose,

    /// <summary>Fired before the deadline: not this firing's business.</summary>
    NotDue,

    /// <summary>Ballots sent before the deadline may still wait to be handled: the close is tried again shortly.</summary>
    Postponed,

    Closed,
}

/// <summary>A vote closed before its deadline, every delegation having voted: by the chair (who pressed), or when the grace passed (user 0).</summary>
public sealed record EarlyClose(long UserId, bool ByChair);
