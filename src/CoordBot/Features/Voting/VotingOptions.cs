using System.Globalization;
using Microsoft.Extensions.Options;

namespace CoordBot.Features.Voting;

/// <summary>Settings of the voting feature (section <c>Voting</c>).</summary>
public sealed class VotingOptions
{
    public const string Section = "Voting";

    public static readonly TimeSpan DefaultEarlyCloseGrace = TimeSpan.FromMinutes(10);

    public static readonly IReadOnlyList<TimeSpan> DefaultClosingReminders = [TimeSpan.FromHours(6), TimeSpan.FromHours(1)];

    /// <summary>
    /// How long a vote in which every delegation has voted stays open with no change before it closes early
    /// (<c>00:00:00</c>: at once). Text, parsed by the validator, so that a typo names its key.
    /// </summary>
    public string? EarlyCloseGrace { get; set; }

    /// <summary>How long before a vote closes the delegations that have not voted are reminded (TimeSpan strings; a configured list replaces the default).</summary>
    public string[]? ClosingReminders { get; set; }

    public TimeSpan Grace => EarlyCloseGrace is { Length: > 0 } text ? TimeSpan.Parse(text, CultureInfo.InvariantCulture) : DefaultEarlyCloseGrace;

    public IReadOnlyList<TimeSpan> ReminderOffsets => ClosingReminders is { Length: > 0 } configured
        ? configured.Select(r => TimeSpan.Parse(r, CultureInfo.InvariantCulture)).ToArray()
        : DefaultClosingReminders;
}

internal sealed class VotingOptionsValidator : IValidateOptions<VotingOptions>
{
    private static readonly TimeSpan LongestGrace = TimeSpan.FromHours(24);
    private static readonly TimeSpan LongestReminder = TimeSpan.FromDays(7);

    public ValidateOptionsResult Validate(string? name, VotingOptions options)
    {
        var errors = new List<string>();
        if (options.EarlyCloseGrace is { Length: > 0 } grace)
        {
            if (!TimeSpan.TryParse(grace, CultureInfo.InvariantCulture, out var parsed))
            {
                errors.Add($"Voting:EarlyCloseGrace is \"{grace}\": write a .NET TimeSpan such as 00:10:00 (ten minutes) or 00:00:00 (close the moment the last delegation votes).");
            }
            else if (parsed < TimeSpan.Zero || parsed > LongestGrace)
            {
                errors.Add($"Voting:EarlyCloseGrace is {parsed}: it must be from 00:00:00 to 1.00:00:00.");
            }
        }

        errors.AddRange(OffsetErrors.Check("Voting:ClosingReminders", options.ClosingReminders, LongestReminder));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>The checks of a list of reminder offsets (TimeSpan strings): each readable, positive, within a limit, none twice.</summary>
internal static class OffsetErrors
{
    public static IEnumerable<string> Check(string key, string[]? texts, TimeSpan longest)
    {
        var offsets = new List<TimeSpan>();
        var errors = new List<string>();
        for (var i = 0; i < (texts?.Length ?? 0); i++)
        {
            if (!TimeSpan.TryParse(texts![i], CultureInfo.InvariantCulture, out var offset))
            {
                errors.Add($"{key}:{i} is \"{texts[i]}\": write a .NET TimeSpan such as 06:00:00 (six hours) or 00:30:00.");
            }
            else if (offset <= TimeSpan.Zero || offset > longest)
            {
                errors.Add($"{key}:{i} is {offset}: each offset must be more than 00:00:00 and at most {longest.ToString("c", CultureInfo.InvariantCulture)} before the deadline.");
            }
            else
            {
                offsets.Add(offset);
            }
        }

        if (errors.Count == 0 && offsets.Distinct().Count() != offsets.Count)
        {
            errors.Add($"{key} lists the same offset twice.");
        }

        return errors;
    }
}
