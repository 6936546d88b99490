using CoordBot.Domain.Membership;

namespace CoordBot.Features.Delegations;

/// <summary>A one-time invitation to a delegation and role.</summary>
public sealed class Invitation : CoordBot.Persistence.IBodyOwned
{
    /// <summary>The body this belongs to (issue 25).</summary>
    public int BodyId { get; set; }

    public required string Token { get; set; }

    public required string DelegationCode { get; set; }

    public DelegationRole Role { get; set; }

    public long CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public long? UsedBy { get; set; }

    public DateTime? UsedAt { get; set; }
}
