using CoordBot.Domain.Membership;

namespace CoordBot.Features.Delegations;

/// <summary>A person's place in a delegation. Ended memberships are kept for the record; a user has at most one active.</summary>
public sealed class Membership : CoordBot.Persistence.IBodyOwned
{
    /// <summary>The body this belongs to (issue 25).</summary>
    public int BodyId { get; set; }

    public long Id { get; set; }

    public long UserId { get; set; }

    public required string DelegationCode { get; set; }

    public DelegationRole Role { get; set; }

    public DateTime JoinedAt { get; set; }

    public long InvitedBy { get; set; }

    public DateTime? EndedAt { get; set; }

    public long? EndedBy { get; set; }
}
