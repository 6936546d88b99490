using System.Globalization;
using Microsoft.Extensions.Options;

namespace CoordBot;

/// <summary>Collects what is wrong with one options section, each line naming its configuration key.</summary>
public sealed class OptionFailures(string section)
{
    private readonly List<string> _failures = [];

    public ValidateOptionsResult Result => _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);

    /// <summary>Adds "Section:Name message".</summary>
    public void Add(string name, string message) => _failures.Add($"{section}:{name} {message}");

    public void Range(string name, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            Add(name, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max} (got {value})"));
        }
    }

    /// <summary>NaN is outside every range.</summary>
    public void Range(string name, double value, double min, double max)
    {
        if (!(value >= min && value <= max))
        {
            Add(name, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max} (got {value})"));
        }
    }
}
