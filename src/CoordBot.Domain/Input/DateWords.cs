using System.Globalization;

namespace CoordBot.Domain.Input;

/// <summary>
/// Reads a date the way people type it: <c>2026-12-03</c>, <c>today</c>, <c>tomorrow</c>, a weekday
/// (<c>friday</c>, <c>fri</c>: the next one after today), <c>3 Dec</c>, <c>Dec 3</c>, <c>3-dec</c> and
/// <c>12/03</c> or <c>12.03</c> (with an optional year). A date without a year is the next one from today on.
/// <c>12/03</c> is 12 March in most of the world and 3 December in the United States: when both are real dates
/// it is not guessed but reported as <see cref="DateReading.IsAmbiguous"/>. Case never matters. Pure: today is passed in.
/// </summary>
public static class DateWords
{
    /// <summary>The dates a session may fall on (NodaTime and DateTime run out of range far beyond them).</summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    public static readonly DateOnly Latest = new(2099, 12, 31);

    public const string Forms = "2026-12-03, 3 Dec, today, tomorrow or a weekday such as friday";

    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly string[] DayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    /// <summary>
    /// Reads the date that starts at <paramref name="index"/> (one or two words, a few more with the small words
    /// around a date in <paramref name="names"/>' language). With <paramref name="names"/>, that language's words,
    /// order and compact forms come first and English is still understood; digits may be written in any script.
    /// </summary>
    public static DateReading Read(IReadOnlyList<string> words, int index, DateOnly today, DateNames? names = null)
    {
        ArgumentNullException.ThrowIfNull(words);
        words = [.. words.Select(NativeDigits.ToAscii)];
        if (names is not null && index < words.Count && NativeDates.Read(words, index, today, names) is { } native)
        {
            return native;
        }

        if (index >= words.Count)
        {
            return DateReading.Fail(DateFailure.Missing, string.Empty, "a date is missing");
        }

        var word = words[index].Trim().ToLowerInvariant();
        var next = index + 1 < words.Count ? words[index + 1].Trim().ToLowerInvariant() : null;

        if (IsoShaped(word))
        {
            return Iso(words[index]);
        }

        switch (word)
        {
            case "today":
                return DateReading.One(today, 1);
            case "tomorrow" or "tmrw" or "tmr":
                return DateReading.One(today.AddDays(1), 1);
        }

        if (next is not null && word == "next" && Weekday(next) is { } following)
        {
            return DateReading.One(NextWeekday(today, following), 2);
        }

        if (Weekday(word) is { } day)
        {
            return DateReading.One(NextWeekday(today, day), 1);
        }

        // 3 Dec, 3rd Dec, 3-dec, Dec 3, december 3rd
        var dashed = word.Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (dashed.Length == 2 && DayNumber(dashed[0]) is { } d1 && Month(dashed[1]) is { } m1)
        {
            return Resolve(d1, m1, null, today, 1, words[index]);
        }

        if (next is not null && DayNumber(word) is { } d2 && Month(next.TrimEnd(',')) is { } m2)
        {
            return Resolve(d2, m2, null, today, 2, $"{words[index]} {words[index + 1]}");
        }

        if (next is not null && Month(word) is { } m3 && DayNumber(next.TrimEnd(',')) is { } d3)
        {
            return Resolve(d3, m3, null, today, 2, $"{words[index]} {words[index + 1]}");
        }

        // 12/03, 12.03, 12/03/2026
        var parts = word.Split('/', '.');
        if (parts.Length is 2 or 3 && parts.All(p => p.Length is > 0 and <= 4 && p.All(char.IsAsciiDigit)))
        {
            return Numeric(parts, today, words[index]);
        }

        return DateReading.Fail(DateFailure.NotADate, words[index], $"\"{words[index]}\" is not a date: write it as yyyy-mm-dd, for example 2026-12-01, or as 3 Dec, today, tomorrow or a weekday");
    }

    /// <summary>A date read alone (one word or two joined by a space).</summary>
    public static DateReading Read(string text, DateOnly today, DateNames? names = null) =>
        Read((text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries), 0, today, names);

    /// <summary>How a date is written back without doubt: "Thu 3 Dec 2026".</summary>
    public static string Show(DateOnly date) => date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    private static bool IsoShaped(string word) =>
        word.Length >= 8 && word.Count(c => c == '-') == 2 && word.All(c => char.IsAsciiDigit(c) || c == '-') && word.IndexOf('-', StringComparison.Ordinal) == 4;

    private static DateReading Iso(string text)
    {
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return DateReading.Fail(DateFailure.NotADate, text, $"\"{text}\" is not a date: write it as yyyy-mm-dd, for example 2026-12-01");
        }

        return date < Earliest ? DateReading.Fail(DateFailure.LongPast, text, $"{text} is long past: choose a date still to come")
            : date > Latest ? DateReading.Fail(DateFailure.TooFar, text, $"{text} is too far ahead: I schedule sessions up to {Latest.Year}-12-31")
            : DateReading.One(date, 1);
    }

    private static DateReading Numeric(string[] parts, DateOnly today, string text)
    {
        var a = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var b = int.Parse(parts[1], CultureInfo.InvariantCulture);
        int? year = null;
        if (parts.Length == 3)
        {
            var y = int.Parse(parts[2], CultureInfo.InvariantCulture);
            year = parts[2].Length <= 2 ? 2000 + y : y;
            if (parts[2].Length == 3 || year < Earliest.Year || year > Latest.Year)
            {
                return DateReading.Fail(DateFailure.Unreadable, text, $"\"{text}\" is not a date I can read: write it as yyyy-mm-dd, for example 2026-12-01, or as 3 Dec");
            }
        }

        var dayFirst = Make(a, b, year, today);
        var monthFirst = Make(b, a, year, today);
        return (dayFirst, monthFirst) switch
        {
            ({ } one, { } other) when one == other => DateReading.One(one, 1),
            ({ } one, { } other) => DateReading.Either(one, other),
            ({ } one, null) => DateReading.One(one, 1),
            (null, { } other) => DateReading.One(other, 1),
            _ => DateReading.Fail(DateFailure.Unreadable, text, $"\"{text}\" is not a date: write it as yyyy-mm-dd, for example 2026-12-01, or as 3 Dec"),
        };
    }

    internal static DateReading Resolve(int day, int month, int? year, DateOnly today, int consumed, string text) =>
        Make(day, month, year, today) is { } date
            ? DateReading.One(date, consumed)
            : DateReading.Fail(DateFailure.NoSuchDay, text, $"\"{text}\" is not a date: that month has no day {day}", day);

    /// <summary>The date, in the given year or else the next one from today on; null when there is no such day.</summary>
    internal static DateOnly? Make(int day, int month, int? year, DateOnly today)
    {
        if (month is < 1 or > 12 || day < 1)
        {
            return null;
        }

        if (year is { } y)
        {
            return day <= DateTime.DaysInMonth(y, month) ? new DateOnly(y, month, day) : null;
        }

        // 29 Feb comes round only in a leap year: look a few years ahead.
        for (var candidate = today.Year; candidate <= today.Year + 4 && candidate <= Latest.Year; candidate++)
        {
            if (day <= DateTime.DaysInMonth(candidate, month) && new DateOnly(candidate, month, day) is var date && date >= today)
            {
                return date;
            }
        }

        return null;
    }

    internal static int? DayNumber(string word)
    {
        var digits = word.EndsWith("st", StringComparison.Ordinal) || word.EndsWith("nd", StringComparison.Ordinal)
                     || word.EndsWith("rd", StringComparison.Ordinal) || word.EndsWith("th", StringComparison.Ordinal)
            ? word[..^2]
            : word;
        return digits.Length is 1 or 2 && digits.All(char.IsAsciiDigit) && int.Parse(digits, CultureInfo.InvariantCulture) is var n and >= 1 and <= 31 ? n : null;
    }

    private static int? Month(string word)
    {
        var w = word.TrimEnd('.');
        if (w.Length < 3)
        {
            return null;
        }

        for (var i = 0; i < MonthNames.Length; i++)
        {
            if (MonthNames[i].StartsWith(w, StringComparison.Ordinal) || (w == "sept" && i == 8))
            {
                return i + 1;
            }
        }

        return null;
    }

    private static DayOfWeek? Weekday(string word)
    {
        var w = word.TrimEnd('.');
        if (w.Length < 3)
        {
            return null;
        }

        for (var i = 0; i < DayNames.Length; i++)
        {
            if (DayNames[i].StartsWith(w, StringComparison.Ordinal) || (w is "tues" && i == 2) || (w is "thur" or "thurs" && i == 4))
            {
                return (DayOfWeek)i;
            }
        }

        return null;
    }

    /// <summary>The next such weekday after today (today itself is "today").</summary>
    internal static DateOnly NextWeekday(DateOnly today, DayOfWeek day)
    {
        var ahead = ((int)day - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(ahead == 0 ? 7 : ahead);
    }
}
