using System.Globalization;
using CoordBot.Telegram.Rendering;
using NodaTime;

namespace CoordBot.Localization;

/// <summary>
/// Dates and times for a reader: English keeps the bot's fixed invariant formats (operators' scripts read them);
/// the other languages use their culture's own patterns, month and weekday names (ICU data).
/// </summary>
public static class Dates
{
    /// <summary>"December 2026", "décembre 2026", "2026年12月".</summary>
    public static string MonthYear(string language, DateTime month) =>
        IsEnglish(language)
            ? month.ToString("MMMM yyyy", CultureInfo.InvariantCulture)
            : month.ToString(Languages.Culture(language).DateTimeFormat.YearMonthPattern, Languages.Culture(language));

    /// <summary>The reader's local time in their zone and, unless that is UTC, the UTC time too.</summary>
    public static string InZoneAndUtc(string language, DateTime utc, string? zoneId)
    {
        if (IsEnglish(language))
        {
            return TimeDisplay.InZoneAndUtc(utc, zoneId);
        }

        var zone = TimeDisplay.ZoneOrUtc(zoneId);
        var instant = Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        var inUtc = $"{DayAndTime(language, instant.InUtc().LocalDateTime.ToDateTimeUnspecified())} UTC";
        if (zone == DateTimeZone.Utc)
        {
            return inUtc;
        }

        var zoned = instant.InZone(zone);
        return $"{DayAndTime(language, zoned.LocalDateTime.ToDateTimeUnspecified())} ({zone.Id}) = {inUtc}";
    }

    /// <summary>A UTC time: English exactly as <see cref="TimeDisplay.Utc"/> writes it, the others in their culture's pattern.</summary>
    public static string Utc(string language, DateTime utc) => IsEnglish(language) ? TimeDisplay.Utc(utc) : InZoneAndUtc(language, utc, null);

    /// <summary>The time in <paramref name="zoneId"/> alone ("as set"), for a reader; English exactly as <see cref="TimeDisplay.InZone"/> writes it.</summary>
    public static string InZone(string language, DateTime utc, string? zoneId)
    {
        if (IsEnglish(language))
        {
            return TimeDisplay.InZone(utc, zoneId);
        }

        var zone = TimeDisplay.ZoneOrUtc(zoneId);
        var zoned = Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(zone);
        var local = DayAndTime(language, zoned.LocalDateTime.ToDateTimeUnspecified());
        return zone == DateTimeZone.Utc ? $"{local} UTC" : $"{local} ({zone.Id})";
    }

    /// <summary>A day as a button or a question names it, with its weekday ("Thu 3 Dec", "jeu. 3 décembre"); English as the guides always wrote it.</summary>
    public static string ShortDay(string language, DateOnly day) =>
        IsEnglish(language)
            ? day.ToString("ddd d MMM", CultureInfo.InvariantCulture)
            : $"{day.ToString("ddd", Languages.Culture(language))} {day.ToString(Languages.Culture(language).DateTimeFormat.MonthDayPattern, Languages.Culture(language))}";

    /// <summary>The wall-clock time in <paramref name="zoneId"/> (UTC if unknown) at the UTC instant <paramref name="utc"/>.</summary>
    public static DateTime LocalNow(DateTime utc, string? zoneId) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(TimeDisplay.ZoneOrUtc(zoneId)).LocalDateTime.ToDateTimeUnspecified();

    /// <summary>
    /// A local day and time inside a non-English sentence, in the language's pattern from the catalogue
    /// (<c>Dates.Pattern</c>): most take ICU's full pattern ("f"); Russian puts the weekday after the date, so that
    /// "до {date}" stays grammatical (a weekday first would need the genitive).
    /// </summary>
    public static string DayAndTime(string language, DateTime local) =>
        local.ToString(Catalogue.Text(language, "Dates.Pattern"), Languages.Culture(language));

    private static bool IsEnglish(string language) => !Languages.IsKnown(language) || string.Equals(language, Languages.English, StringComparison.Ordinal);
}
