using System.Globalization;

namespace CoordBot.Domain.Input;

/// <summary>
/// Reads a time of day the way people type it: <c>15:00</c>, <c>15.00</c>, <c>15h</c>, <c>15h30</c>,
/// <c>3pm</c>, <c>3:30 pm</c>, <c>noon</c>, <c>midnight</c>. Case never matters. Pure.
/// </summary>
public static class TimeWords
{
    public const string Forms = "15:00, 15.00, 15h or 3pm";

    /// <summary>
    /// The time at <paramref name="index"/> and how many words it took (a separate am/pm counts); null when it is not a
    /// time. With <paramref name="names"/>, that language's forms come first (下午3点, ٣ م, 15 h) and English is still
    /// understood; digits may be written in any script.
    /// </summary>
    public static (TimeOnly Time, int Consumed)? Read(IReadOnlyList<string> words, int index, TimeNames? names = null)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (index >= words.Count)
        {
            return null;
        }

        words = [.. words.Select(NativeDigits.ToAscii)];
        if (names is not null && Native(words, index, names) is { } native)
        {
            return native;
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

    /// <summary>A time in the language's own forms: a period mark before or after (separate or joined), an hour mark.</summary>
    private static (TimeOnly Time, int Consumed)? Native(IReadOnlyList<string> words, int index, TimeNames names)
    {
        var word = words[index].Trim();
        var next = index + 1 < words.Count ? TimeNames.Mark(words[index + 1]) : null;
        var pair = index + 2 < words.Count ? next + TimeNames.Mark(words[index + 2]) : null;

        // 下午 3点, ص ٩
        if (Period(TimeNames.Mark(word), names) is { } before && next is not null && NativeClock(words[index + 1].Trim().ToLowerInvariant(), names) is { } after)
        {
            return Meridiem(after, before) is { } time ? (time, 2) : null;
        }

        if (NativeClock(word.ToLowerInvariant(), names) is { } clock)
        {
            // ٣ م, 3 p. m., 15 h
            if (next is not null && Period(next, names) is { } period)
            {
                return Meridiem(clock, period) is { } time ? (time, 2) : null;
            }

            if (pair is not null && Period(pair, names) is { } split)
            {
                return Meridiem(clock, split) is { } time ? (time, 3) : null;
            }

            if (next is not null && clock.Minute is null && names.HourMarks.Contains(next))
            {
                return Full(clock) is { } hour ? (hour, 2) : null;
            }

            return clock.Minute is not null && Full(clock) is { } full ? (full, 1) : null;
        }

        // 下午3点, 3م: the period joined to the time
        var marked = word.ToLowerInvariant();
        foreach (var (mark, meridiem) in names.Morning.Select(m => (m, "am")).Concat(names.Afternoon.Select(m => (m, "pm"))))
        {
            if (marked.StartsWith(mark, StringComparison.Ordinal) && NativeClock(marked[mark.Length..], names) is { } joinedAfter)
            {
                return Meridiem(joinedAfter, meridiem) is { } time ? (time, 1) : null;
            }

            if (marked.EndsWith(mark, StringComparison.Ordinal) && NativeClock(marked[..^mark.Length], names) is { } joinedBefore)
            {
                return Meridiem(joinedBefore, meridiem) is { } time ? (time, 1) : null;
            }
        }

        return null;
    }

    private static string? Period(string mark, TimeNames names) =>
        names.Afternoon.Contains(mark) ? "pm" : names.Morning.Contains(mark) ? "am" : null;

    /// <summary>"15:30" as in English, or with the language's marks: 3点 (3:00), 3点半 (3:30), 15点30分, 15时30.</summary>
    private static (int Hour, int? Minute)? NativeClock(string text, TimeNames names)
    {
        foreach (var mark in names.HourMarks.OrderByDescending(m => m.Length))
        {
            var at = text.IndexOf(mark, StringComparison.Ordinal);
            if (at <= 0 || Clock(text[..at]) is not { Minute: null } hour)
            {
                continue;
            }

            var rest = text[(at + mark.Length)..];
            foreach (var minuteMark in names.MinuteMarks)
            {
                if (rest.EndsWith(minuteMark, StringComparison.Ordinal))
                {
                    rest = rest[..^minuteMark.Length];
                    break;
                }
            }

            if (rest.Length == 0)
            {
                return (hour.Hour, 0);
            }

            if (names.Half.Contains(rest))
            {
                return (hour.Hour, 30);
            }

            return rest.Length is 1 or 2 && rest.All(char.IsAsciiDigit) && int.Parse(rest, CultureInfo.InvariantCulture) is var minute and <= 59
                ? (hour.Hour, minute)
                : null;
        }

        return Clock(text);
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
