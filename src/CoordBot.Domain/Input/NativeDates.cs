using System.Globalization;

namespace CoordBot.Domain.Input;

/// <summary>
/// A date in one language's own words (<see cref="DateNames"/>): today, tomorrow and the day after (demain,
/// 明天, غدًا), a weekday with the small words around it (le vendredi, в пятницу, الجمعة القادمة), a day and a
/// month (3 décembre, 3 de diciembre, 3 декабря), a compact date (12月3日) and a numeric date in the language's
/// order (3/12 is 3 December in French). Null when the words are none of these: <see cref="DateWords"/> then reads
/// them as English. Pure.
/// </summary>
internal static class NativeDates
{
    /// <summary>Words looked at, at most: fillers, a day, a filler, a month, a filler, a year.</summary>
    private const int Window = 6;

    public static DateReading? Read(IReadOnlyList<string> words, int index, DateOnly today, DateNames names)
    {
        var n = words.Skip(index).Take(Window).Select(DateNames.Normalize).ToList();

        // A relative phrase first, so that "اليوم" (today) is not taken for the filler "يوم" (day).
        if (Relative(n, 0, names) is { } first)
        {
            return DateReading.One(today.AddDays(first.Days), first.Words + Fillers(n, first.Words, names));
        }

        var at = Fillers(n, 0, names);
        if (at >= n.Count)
        {
            return null;
        }

        if (at > 0 && Relative(n, at, names) is { } later)
        {
            return DateReading.One(today.AddDays(later.Days), at + later.Words + Fillers(n, at + later.Words, names));
        }

        var word = n[at];
        if (Find(word, names.Days, names.Inflects) is { } day)
        {
            return DateReading.One(DateWords.NextWeekday(today, day), at + 1 + Fillers(n, at + 1, names));
        }

        if (names.MonthMark is { } mark && word.Contains(mark, StringComparison.Ordinal))
        {
            return Compact(word, names, today, at + 1, words[index + at]);
        }

        // 3 décembre, 3 de diciembre [de 2026], 3 декабря 2026 г.
        if (DateWords.DayNumber(word) is { } number)
        {
            var m = at + 1 + Fillers(n, at + 1, names);
            if (m < n.Count && Find(n[m], names.Months, names.Inflects) is { } month)
            {
                var end = m + 1;
                var y = end + Fillers(n, end, names);
                int? year = null;
                if (y < n.Count && n[y].Length == 4 && n[y].All(char.IsAsciiDigit))
                {
                    year = int.Parse(n[y], CultureInfo.InvariantCulture);
                    end = y + 1;
                }

                return DateWords.Resolve(number, month, year, today, end, string.Join(' ', words.Skip(index).Take(end)));
            }
        }

        // diciembre 3
        if (at + 1 < n.Count && Find(word, names.Months, names.Inflects) is { } named && DateWords.DayNumber(n[at + 1]) is { } after)
        {
            return DateWords.Resolve(after, named, null, today, at + 2, string.Join(' ', words.Skip(index).Take(at + 2)));
        }

        return Numeric(word, names, today, at + 1, words[index + at]);
    }

    /// <summary>3/12, 3.12, 3/12/2026 in the language's order; 2026/12/3 (a year first) always year, month, day.</summary>
    private static DateReading? Numeric(string word, DateNames names, DateOnly today, int consumed, string typed)
    {
        var parts = word.Split('/', '.', '-');
        if (parts.Length is not (2 or 3) || !parts.All(p => p.Length is > 0 and <= 4 && p.All(char.IsAsciiDigit)))
        {
            return null;
        }

        var numbers = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        int day, month;
        int? year = null;
        if (parts[0].Length == 4)
        {
            if (parts.Length != 3)
            {
                return null;
            }

            (year, month, day) = (numbers[0], numbers[1], numbers[2]);
        }
        else
        {
            (day, month) = names.DayFirst ? (numbers[0], numbers[1]) : (numbers[1], numbers[0]);
            if (parts.Length == 3)
            {
                if (parts[2].Length == 3)
                {
                    return null;
                }

                year = parts[2].Length <= 2 ? 2000 + numbers[2] : numbers[2];
            }
        }

        if (year is < 1900 or > 2099)
        {
            return null;
        }

        return DateWords.Resolve(day, month, year, today, consumed, typed);
    }

    /// <summary>2026年12月3日, 12月3日, 12月3号: year, month and day each before its mark.</summary>
    private static DateReading? Compact(string word, DateNames names, DateOnly today, int consumed, string typed)
    {
        int? year = null;
        var rest = word;
        if (names.YearMark is { } yearMark && rest.Contains(yearMark, StringComparison.Ordinal))
        {
            var split = rest.Split(yearMark, 2);
            if (split[0].Length != 4 || !split[0].All(char.IsAsciiDigit))
            {
                return null;
            }

            year = int.Parse(split[0], CultureInfo.InvariantCulture);
            rest = split[1];
        }

        var monthAndDay = rest.Split(names.MonthMark!, 2);
        var dayText = monthAndDay[1];
        foreach (var dayMark in names.DayMarks)
        {
            if (dayText.EndsWith(dayMark, StringComparison.Ordinal))
            {
                dayText = dayText[..^dayMark.Length];
                break;
            }
        }

        if (monthAndDay[0].Length is 0 or > 2 || !monthAndDay[0].All(char.IsAsciiDigit) || dayText.Length is 0 or > 2 || !dayText.All(char.IsAsciiDigit)
            || year is < 1900 or > 2099)
        {
            return null;
        }

        return DateWords.Resolve(int.Parse(dayText, CultureInfo.InvariantCulture), int.Parse(monthAndDay[0], CultureInfo.InvariantCulture), year, today, consumed, typed);
    }

    /// <summary>The longest relative phrase (up to three words) starting at <paramref name="at"/>: days ahead and words taken.</summary>
    private static (int Days, int Words)? Relative(List<string> n, int at, DateNames names)
    {
        for (var length = Math.Min(3, n.Count - at); length >= 1; length--)
        {
            if (names.Relative.TryGetValue(string.Join(' ', n.Skip(at).Take(length)), out var days))
            {
                return (days, length);
            }
        }

        return null;
    }

    /// <summary>How many filler words follow from <paramref name="at"/> on.</summary>
    private static int Fillers(List<string> n, int at, DateNames names)
    {
        var count = 0;
        while (at + count < n.Count && names.Fillers.Contains(n[at + count]))
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// The value a name stands for: written whole, or (when the language <paramref name="inflects"/>) shortened to
    /// three letters or more, or with another last letter (пятницу for пятница); null when none or two values fit.
    /// </summary>
    private static T? Find<T>(string word, IReadOnlyDictionary<string, T> names, bool inflects)
        where T : struct
    {
        if (word.Length == 0)
        {
            return null;
        }

        if (names.TryGetValue(word, out var exact))
        {
            return exact;
        }

        if (!inflects || word.Length < 3)
        {
            return null;
        }

        var found = names
            .Where(e => e.Key.StartsWith(word, StringComparison.Ordinal)
                        || (word.Length >= 5 && e.Key.Length == word.Length && e.Key.AsSpan(0, word.Length - 1).SequenceEqual(word.AsSpan(0, word.Length - 1))))
            .Select(e => e.Value)
            .Distinct()
            .ToList();
        return found.Count == 1 ? found[0] : null;
    }
}
