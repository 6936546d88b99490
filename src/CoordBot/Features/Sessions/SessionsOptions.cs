using Microsoft.Extensions.Options;

namespace CoordBot.Features.Sessions;

/// <summary>Settings of the sessions feature (section <c>Sessions</c>).</summary>
public sealed class SessionsOptions
{
    public const string Section = "Sessions";

    public static readonly IReadOnlyList<TimeSpan> DefaultReminders = [TimeSpan.FromDays(1), TimeSpan.FromHours(1), TimeSpan.FromMinutes(10)];

    /// <summary>
    /// How long before a session each reminder goes out, as .NET TimeSpan strings
    /// (<c>Sessions:Reminders:0 = 1.00:00:00</c>). An array, not a pre-filled list, because the
    /// configuration binder appends to a list that already has items: a configured list replaces the default.
    /// Text, not TimeSpan: the binder silently drops an array element it cannot convert, so a typo would
    /// quietly fall back to the defaults; the validator parses each one and names the one that is wrong.
    /// </summary>
    public string[]? Reminders { get; set; }

    public IReadOnlyList<TimeSpan> Offsets => Reminders is { Length: > 0 } configured
        ? configured.Select(r => TimeSpan.Parse(r, System.Globalization.CultureInfo.InvariantCulture)).ToArray()
        : DefaultReminders;
}

internal sealed class SessionsOptionsValidator : IValidateOptions<SessionsOptions>
{
    private static readonly TimeSpan Longest = TimeSpan.FromDays(30);

    public ValidateOptionsResult Validate(string? name, SessionsOptions options)
    {
        var errors = new List<string>();
        var texts = options.Reminders ?? [];
        var offsets = new TimeSpan[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            if (!TimeSpan.TryParse(texts[i], System.Globalization.CultureInfo.InvariantCulture, out offsets[i]))
            {
                errors.Add($"Sessions:Reminders:{i} is \"{texts[i]}\": write a .NET TimeSpan such as 1.00:00:00 (a day), 01:00:00 (an hour) or 00:10:00.");
            }
            else if (offsets[i] <= TimeSpan.Zero || offsets[i] > Longest)
            {
                errors.Add($"Sessions:Reminders:{i} is {offsets[i]}: each reminder offset must be more than 00:00:00 and at most 30.00:00:00 before the start.");
            }
        }

        if (errors.Count == 0 && offsets.Distinct().Count() != offsets.Length)
        {
            errors.Add("Sessions:Reminders lists the same offset twice.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
