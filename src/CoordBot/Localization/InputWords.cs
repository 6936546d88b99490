using System.Collections.Concurrent;
using System.Globalization;
using CoordBot.Domain.Input;

namespace CoordBot.Localization;

/// <summary>
/// What each language's readers type for dates and times, handed to the pure parsers of <c>CoordBot.Domain.Input</c>.
/// Month and weekday names, their abbreviations and genitives, the order of a numeric date and the marks of a compact
/// one (年 月 日) and the morning/afternoon marks (上午/下午, ص/م) come from CLDR through the culture's data (ICU on
/// Linux, NLS on Windows: <see cref="Languages.Culture"/>). What .NET does not expose is kept here, small, with its
/// source: the words for today, tomorrow and the day after (CLDR's <c>dateFields</c>, <c>day</c>, relative types 0, 1
/// and 2, in CLDR 46), and the small words people put around a date or a time. English is null: its parser is the
/// one the typed forms have always used (a contract).
/// </summary>
public static class InputWords
{
    private static readonly ConcurrentDictionary<string, DateNames?> DateSets = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, TimeNames?> TimeSets = new(StringComparer.Ordinal);

    /// <summary>CLDR 46 dateFields, day, relative-type 0 (today), 1 (tomorrow), 2 (the day after), with the spellings people type without accents or hyphens.</summary>
    private static readonly Dictionary<string, (string Word, int Days)[]> RelativeDays = new(StringComparer.Ordinal)
    {
        ["fr"] = [("aujourd’hui", 0), ("aujourdhui", 0), ("demain", 1), ("après-demain", 2), ("après demain", 2)],
        ["es"] = [("hoy", 0), ("mañana", 1), ("pasado mañana", 2)],
        ["ru"] = [("сегодня", 0), ("завтра", 1), ("послезавтра", 2)],
        ["zh"] = [("今天", 0), ("明天", 1), ("后天", 2), ("今日", 0), ("明日", 1)],
        ["ar"] = [("اليوم", 0), ("غدًا", 1), ("بعد الغد", 2), ("بعد غد", 2)],
    };

    /// <summary>Words around a date: articles, "next", "this", "of" (le vendredi, el próximo viernes, в следующую пятницу, يوم الجمعة القادمة).</summary>
    private static readonly Dictionary<string, string[]> Fillers = new(StringComparer.Ordinal)
    {
        ["fr"] = ["le", "ce", "prochain", "prochaine"],
        ["es"] = ["el", "este", "próximo", "proximo", "de", "que", "viene"],
        ["ru"] = ["в", "во", "следующий", "следующую", "следующее", "этот", "эту", "это"],
        ["zh"] = [],
        ["ar"] = ["يوم", "في", "القادم", "القادمة"],
    };

    /// <summary>Day periods besides CLDR's abbreviated ones (its wide forms: صباحًا, مساءً; 早上, 晚上 as people write them).</summary>
    private static readonly Dictionary<string, (string[] Morning, string[] Afternoon)> Periods = new(StringComparer.Ordinal)
    {
        ["zh"] = (["早上", "上午"], ["下午", "晚上"]),
        ["ar"] = (["صباحًا", "صباح"], ["مساءً", "مساء"]),
    };

    /// <summary>The dates of <paramref name="language"/>; null for English (and any language not one of the six).</summary>
    public static DateNames? Dates(string language) => DateSets.GetOrAdd(language, static code =>
        !Languages.IsKnown(code) || code == Languages.English ? null : BuildDates(code));

    /// <summary>The times of <paramref name="language"/>; null for English.</summary>
    public static TimeNames? Times(string language) => TimeSets.GetOrAdd(language, static code =>
        !Languages.IsKnown(code) || code == Languages.English ? null : BuildTimes(code));

    private static DateNames BuildDates(string language)
    {
        var format = Languages.Culture(language).DateTimeFormat;
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var names in new[] { format.MonthNames, format.AbbreviatedMonthNames, format.MonthGenitiveNames, format.AbbreviatedMonthGenitiveNames })
        {
            for (var i = 0; i < 12; i++)
            {
                Add(months, names[i], i + 1, language);
            }
        }

        var days = new Dictionary<string, DayOfWeek>(StringComparer.Ordinal);
        foreach (var names in new[] { format.DayNames, format.AbbreviatedDayNames })
        {
            for (var i = 0; i < 7; i++)
            {
                Add(days, names[i], (DayOfWeek)i, language);
            }
        }

        var relative = RelativeDays[language].ToDictionary(r => DateNames.Normalize(r.Word), r => r.Days, StringComparer.Ordinal);
        var pattern = format.ShortDatePattern;
        var longPattern = format.LongDatePattern;
        var dayMark = MarkAfter(longPattern, 'd');
        return new DateNames
        {
            Months = months,
            Days = days,
            Relative = relative,
            Fillers = Fillers[language].Select(DateNames.Normalize).ToHashSet(StringComparer.Ordinal),
            DayFirst = pattern.IndexOf('d', StringComparison.Ordinal) < pattern.IndexOf('M', StringComparison.Ordinal),
            Inflects = language is "fr" or "es" or "ru",
            YearMark = MarkAfter(longPattern, 'y'),
            MonthMark = MarkAfter(longPattern, 'M'),

            // 号 is the spoken Chinese day mark (12月3号), beside CLDR's written 日.
            DayMarks = dayMark is null ? [] : language == "zh" ? [dayMark, "号"] : [dayMark],
        };
    }

    private static TimeNames BuildTimes(string language)
    {
        var format = Languages.Culture(language).DateTimeFormat;
        var (morning, afternoon) = Periods.GetValueOrDefault(language, ([], []));
        return new TimeNames
        {
            Morning = morning.Append(format.AMDesignator).Append("am").Select(TimeNames.Mark).Where(m => m.Length > 0).ToHashSet(StringComparer.Ordinal),
            Afternoon = afternoon.Append(format.PMDesignator).Append("pm").Select(TimeNames.Mark).Where(m => m.Length > 0).ToHashSet(StringComparer.Ordinal),

            // 15 h (French, Spanish), 15 ч (Russian), 15点30分 / 3点半 / 15时 (Chinese): how each writes the hour as a word.
            HourMarks = language switch
            {
                "zh" => ["点钟", "点", "时"],
                "ru" => ["ч", "h"],
                "ar" => ["س"],
                _ => ["h"],
            },
            MinuteMarks = language == "zh" ? ["分"] : [],
            Half = language == "zh" ? ["半"] : [],
        };
    }

    /// <summary>A name as the parser keeps it; in Arabic also without its article (جمعة for الجمعة), as it is often typed.</summary>
    private static void Add<T>(Dictionary<string, T> names, string name, T value, string language)
    {
        var key = DateNames.Normalize(name);
        if (key.Length == 0)
        {
            return;
        }

        names.TryAdd(key, value);
        if (language == Languages.Arabic && key.StartsWith("ال", StringComparison.Ordinal) && key.Length > 4)
        {
            names.TryAdd(key[2..], value);
        }
    }

    /// <summary>The letter a date pattern writes right after a field (年 after yyyy in "yyyy年M月d日"); null when a space or punctuation follows.</summary>
    private static string? MarkAfter(string pattern, char field)
    {
        var at = pattern.IndexOf(field, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        while (at < pattern.Length && pattern[at] == field)
        {
            at++;
        }

        return at < pattern.Length && char.IsLetter(pattern[at]) && !"dMyHhmsftgzK".Contains(pattern[at], StringComparison.Ordinal)
            ? pattern[at].ToString()
            : null;
    }
}
