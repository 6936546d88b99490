using System.Globalization;
using Microsoft.Extensions.Options;

namespace CoordBot.Features.Voting;

/// <summary>Settings of the voting feature (section <c>Voting</c>).</summary>
public sealed class VotingOptions
{
    public const string Section = "Voting";

    public static readonly TimeSpan DefaultEarlyCloseGrace = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a vote in which every delegation has voted stays open with no change before it closes early
    /// (<c>00:00:00</c>: at once). Text, parsed by the validator, so that a typo names its key.
    /// </summary>
    public string? EarlyCloseGrace { get; set; }

    /// <summary>
    /// How long before a vote closes the delegations that have not voted are reminded, with their ballot buttons
    /// (<c>Voting:ClosingReminders:0 = 06:00:00</c>). Text, as <see cref="Sessions.SessionsOptions.Reminders"/>: a configured
    /// list replaces the default; <c>[""]</c> sends none.
    /// </summary>
    public string[]? ClosingReminders { get; set; }

    public static readonly IReadOnlyList<TimeSpan> DefaultClosingReminders = [TimeSpan.FromHours(6), TimeSpan.FromHours(1)];

    public IReadOnlyList<TimeSpan> ClosingReminderOffsets => Deadlines.WarningOffsets.Read(ClosingReminders, DefaultClosingReminders);

    public TimeSpan Grace => EarlyCloseGrace is { Length: > 0 } text ? TimeSpan.Parse(text, CultureInfo.InvariantCulture) : DefaultEarlyCloseGrace;
}

internal sealed class VotingOptionsValidator : IValidateOptions<VotingOptions>
{
    private static readonly TimeSpan LongestGrace = TimeSpan.FromHours(24);

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

        Deadlines.WarningOffsets.Validate("Voting:ClosingReminders", options.ClosingReminders, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
