using System.Globalization;

namespace CoordBot.Features.Deadlines;

/// <summary>
/// Offsets before a deadline as configured (<c>Drafts:SilenceWarnings</c>, <c>Voting:ClosingReminders</c>): .NET TimeSpan
/// strings, read as text so that a typo names its key rather than silently falling back to the default.
/// </summary>
internal static class WarningOffsets
{
    private static readonly TimeSpan Longest = TimeSpan.FromDays(30);

    /// <summary>The configured offsets, or <paramref name="defaults"/> when none are configured. An empty string (<c>[""]</c>) turns them off.</summary>
    public static IReadOnlyList<TimeSpan> Read(string[]? configured, IReadOnlyList<TimeSpan> defaults) =>
        configured is { Length: > 0 }
            ? configured.Where(t => t.Length > 0).Select(t => TimeSpan.Parse(t, CultureInfo.InvariantCulture)).ToArray()
            : defaults;

    /// <summary>Adds a failure naming <paramref name="key"/> and the element for each offset that does not read, or is out of range.</summary>
    public static void Validate(string key, string[]? texts, ICollection<string> errors)
    {
        var seen = new HashSet<TimeSpan>();
        for (var i = 0; i < (texts?.Length ?? 0); i++)
        {
            var text = texts![i];
            if (text.Length == 0)
            {
                continue;
            }

            if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var offset))
            {
                errors.Add($"{key}:{i} is \"{text}\": write a .NET TimeSpan such as 02:00:00 (two hours) or 1.00:00:00 (a day).");
            }
            else if (offset <= TimeSpan.Zero || offset > Longest)
            {
                errors.Add($"{key}:{i} is {offset}: each offset must be more than 00:00:00 and at most 30.00:00:00 before the deadline.");
            }
            else if (!seen.Add(offset))
            {
                errors.Add($"{key} lists {offset} twice.");
            }
        }
    }
}
