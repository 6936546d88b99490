using System.ComponentModel.DataAnnotations;

namespace CoordBot.Operations;

/// <summary>Section <c>Operations</c>: the operator's HTTP endpoint, the stall threshold of readiness, and retention.</summary>
public sealed class OperationsOptions : IValidatableObject
{
    public const string Section = "Operations";

    /// <summary>
    /// Where <c>/health/live</c>, <c>/health/ready</c> and <c>/metrics</c> listen. Loopback by default:
    /// metrics name backlogs and chats' activity, which is nobody's business outside the machine.
    /// Empty turns the endpoint off.
    /// </summary>
    public string? Url { get; set; } = "http://127.0.0.1:8090";

    /// <summary>Readiness fails when the oldest unhandled update or the oldest unsent message is older than this.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "7.00:00:00", ErrorMessage = "Operations:StallThreshold must be between 00:00:05 and 7.00:00:00.")]
    public TimeSpan StallThreshold { get; set; } = TimeSpan.FromMinutes(10);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Url);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsEnabled && (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult(
                $"Operations:Url must be an http address such as http://127.0.0.1:8090 (or empty to turn the endpoint off), not '{Url}'",
                [nameof(Url)]);
        }
    }
}
