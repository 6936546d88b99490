using Microsoft.Extensions.Options;

namespace CoordBot;

/// <summary>Turns whatever a configuration error arrives as into the one line an operator reads.</summary>
public static class ConfigurationError
{
    /// <summary>
    /// The failures an exception carries, joined by "; ", or null when it is not a configuration error.
    /// The host may wrap one failure several times (options validated on start, hosted services starting).
    /// </summary>
    public static string? Describe(Exception exception)
    {
        var failures = new List<string>();
        return Collect(exception, failures) ? string.Join("; ", failures.Distinct()) : null;
    }

    private static bool Collect(Exception exception, List<string> failures) => exception switch
    {
        OptionsValidationException validation => Add(failures, validation.Failures),
        ConfigurationException configuration => Add(failures, [configuration.Message]),
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(e => Collect(e, failures)),
        _ => false,
    };

    private static bool Add(List<string> failures, IEnumerable<string> lines)
    {
        failures.AddRange(lines.Select(l => l.ReplaceLineEndings(" ")));
        return true;
    }
}
