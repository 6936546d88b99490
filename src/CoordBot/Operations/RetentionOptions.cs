
namespace CoordBot.Operations;

/// <summary>
/// Section <c>Operations:Retention</c>: how long operational rows are kept. Only plumbing is ever
/// deleted; ballots, ballot logs, results, drafts and records are kept for the audit, whatever is set here.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Operations:Retention";

    /// <summary>Handled (or failed) updates: raw Telegram payloads, which may quote draft text.</summary>
    public TimeSpan ProcessedUpdates { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Messages Telegram has accepted: copies of what members already received.</summary>
    public TimeSpan SentMessages { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Unused invitations, counted from when they expired (72 hours after they were made).</summary>
    public TimeSpan ExpiredInvitations { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the retention job runs.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);
}
