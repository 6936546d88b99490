using CoordBot.Domain.Voting;

namespace CoordBot.Features.Voting;

/// <summary>The current vote of one delegation in one vote: there is never more than one (unique key).</summary>
public sealed class Ballot
{
    public long VoteId { get; set; }

    public required string DelegationCode { get; set; }

    public VoteChoice Choice { get; set; }

    public long CastBy { get; set; }

    public DateTime CastAt { get; set; }
}
