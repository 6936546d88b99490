namespace CoordBot.Persistence;

/// <summary>Who did what, when: membership changes and other acts the council may need to check later.</summary>
public sealed class AuditEntry : IBodyOwned
{
    /// <summary>The body this belongs to (issue 25).</summary>
    public int BodyId { get; set; }

    public long Id { get; set; }

    public DateTime At { get; set; }

    public long ActorUserId { get; set; }

    public required string Action { get; set; }

    public required string Details { get; set; }
}
