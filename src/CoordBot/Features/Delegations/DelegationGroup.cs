namespace CoordBot.Features.Delegations;

/// <summary>The Telegram group linked to a delegation: it receives circulated drafts, reminders and results.</summary>
public sealed class DelegationGroup : CoordBot.Persistence.IBodyOwned
{
    /// <summary>The body this belongs to (issue 25).</summary>
    public int BodyId { get; set; }

    public required string DelegationCode { get; set; }

    public long ChatId { get; set; }

    public string? Title { get; set; }

    public long LinkedBy { get; set; }

    public DateTime LinkedAt { get; set; }

    /// <summary>The language of messages to the group, set by the delegation's head or deputy; null: English.</summary>
    public string? Language { get; set; }
}
