using System.Globalization;

namespace CoordBot.Domain.Input;

/// <summary>
/// Reads a time of day the way people type it: <c>15:00</c>, <c>15.00</c>, <c>15h</c>, <c>15h30</c>,
/// <c>3pm</c>, <c>3:30 pm</c>, <c>noon</c>, <c>midnight</c>. Case never matters. Pure.
/// </summary>
public static class TimeWords
{
    public const string Forms = "15:00, 15.00, 15h or 3pm";

    /// <summary>The time at <paramref name="index"/> and how many words it took (a separate am/pm counts); null when it is not a time.</summary>
    public static (TimeOnly Time, int Consumed)? Read(IReadOnlyList<string> words, int index)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (index >= words.Count)
        {
            return null;
        }

        var word = words[index].Trim().ToLowerInvariant();
        var next = index + 1 < words.Count ? words[index + 1].Trim().ToLowerInvariant().Replace(".", "", StringComparison.Ordinal) : null;
        if (next is "am" or "pm" && Clock(word) is { } bare && Meridiem(bare, next) is { } separate)
        {
            return (separate, 2);
        }

        return Parse(word) is { } time ? (time, 1) : null;
    }

    /// <summary>A time written as one word.</summary>
    public static TimeOnly? Parse(string text)
    {
        var word = (text ?? string.Empty).Trim().ToLowerInvariant();
        switch (word)
        {
            case "noon" or "midday":
                return new TimeOnly(12, 0);
            case "midnight":
                return new TimeOnly(0, 0);
        }

        foreach (var suffix in (string[])["a.m.", "p.m.", "am", "pm"])
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && Clock(word[..^suffix.Length]) is { } bare)
            {
                return Meridiem(bare, suffix.Replace(".", "", StringComparison.Ordinal));
            }
        }

        if (word.EndsWith('h') && Clock(word[..^1]) is { Minute: null } hour)
        {
            return Full(hour);
        }

        if (word.Contains('h', StringComparison.Ordinal))
        {
            word = word.Replace('h', ':');
        }

        // A bare number ("15") is not taken for a time: it may be meant as something else.
        return Clock(word) is { Minute: not null } clock ? Full(clock) : null;
    }

    private static TimeOnly? Full((int Hour, int? Minute) clock) =>
        clock.Hour is >= 0 and <= 23 ? new TimeOnly(clock.Hour, clock.Minute ?? 0) : null;

    private static TimeOnly? Meridiem((int Hour, int? Minute) clock, string meridiem)
    {
        if (clock.Hour is < 1 or > 12)
        {
            return null;
        }

        var hour = clock.Hour % 12 + (meridiem == "pm" ? 12 : 0);
        return new TimeOnly(hour, clock.Minute ?? 0);
    }

    /// <summary>"15", "15:30", "15.30", "9:05": hour and minute (null when only the hour was written).</summary>
    private static (int Hour, int? Minute)? Clock(string text)
    {
        var parts = text.Split(':', '.');
        if (parts.Length > 2 || parts[0].Length is 0 or > 2 || !parts[0].All(char.IsAsciiDigit))
        {
            return null;
        }

        var hour = int.Parse(parts[0], CultureInfo.InvariantCulture);
        if (parts.Length == 1)
        {
            return (hour, null);
        }

        if (parts[1].Length != 2 || !parts[1].All(char.IsAsciiDigit) || int.Parse(parts[1], CultureInfo.InvariantCulture) is var minute && minute > 59)
        {
            return null;
        }

        return (hour, minute);
    }
}
