namespace CoordBot.Features.Delegations;

/// <summary>An operator's override of the rotation for one month (rule 20 hand-overs, corrections).</summary>
public sealed class PresidencyOverride : CoordBot.Persistence.IBodyOwned
{
    /// <summary>The body this belongs to (issue 25).</summary>
    public int BodyId { get; set; }

    public int Year { get; set; }

    public int Month { get; set; }

    public required string DelegationCode { get; set; }

    public long SetBy { get; set; }

    public DateTime SetAt { get; set; }
}
