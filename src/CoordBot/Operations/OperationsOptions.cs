namespace CoordBot.Operations;

/// <summary>Section <c>Operations</c>: the operator's HTTP endpoint, the stall threshold of readiness, and retention.</summary>
public sealed class OperationsOptions
{
    public const string Section = "Operations";

    /// <summary>
    /// Where <c>/health/live</c>, <c>/health/ready</c> and <c>/metrics</c> listen. Loopback by default:
    /// metrics name backlogs and chats' activity, which is nobody's business outside the machine.
    /// Empty turns the endpoint off.
    /// </summary>
    public string? Url { get; set; } = "http://127.0.0.1:8090";

    /// <summary>Readiness fails when the oldest unhandled update or the oldest unsent message is older than this.</summary>
    public TimeSpan StallThreshold { get; set; } = TimeSpan.FromMinutes(10);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Url);
}
