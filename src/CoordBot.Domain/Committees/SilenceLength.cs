using System.Globalization;
using CoordBot.Domain.Input;

namespace CoordBot.Domain.Committees;

/// <summary>
/// How long a text stays under silence: whole hours (<c>24</c>, <c>24h</c>) or working days that skip Saturdays and
/// Sundays (<c>5wd</c>), as committees count their no-objection deadlines.
/// </summary>
public readonly record struct SilenceLength(int Count, bool WorkingDays)
{
    public const int MaxHours = 720;
    public const int MaxWorkingDays = 30;

    /// <summary>The length typed, or null when the word is neither hours (1-720) nor working days (1-30, <c>5wd</c>).</summary>
    public static SilenceLength? Read(string? word)
    {
        var text = (word ?? string.Empty).Trim();
        if (text.EndsWith("wd", StringComparison.OrdinalIgnoreCase))
        {
            return int.TryParse(text.AsSpan(0, text.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= MaxWorkingDays
                ? new SilenceLength(days, WorkingDays: true)
                : null;
        }

        return HourCount.Read(text) is { } hours && hours is >= 1 and <= MaxHours ? new SilenceLength(hours, WorkingDays: false) : null;
    }

    /// <summary>The deadline for a silence started at <paramref name="startUtc"/>; working days are counted in <paramref name="zone"/>.</summary>
    public DateTime DeadlineFrom(DateTime startUtc, TimeZoneInfo zone) =>
        WorkingDays ? WorkingTime.AddWorkingDays(startUtc, Count, zone) : startUtc.AddHours(Count);
}
