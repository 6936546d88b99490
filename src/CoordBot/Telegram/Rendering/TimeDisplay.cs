using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace CoordBot.Telegram.Rendering;

/// <summary>
/// Shows UTC instants in a reader's own IANA zone with NodaTime's tz database (independent of the
/// operating system), e.g. "Tue 24 Nov 2026 10:00 (America/New_York, UTC-05)".
/// </summary>
public static class TimeDisplay
{
    private static readonly LocalDateTimePattern Local = LocalDateTimePattern.CreateWithInvariantCulture("ddd d MMM yyyy HH:mm");

    public static DateTimeZone? FindZone(string? id) =>
        string.IsNullOrWhiteSpace(id) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim());

    /// <summary>The zone, with every spelling of UTC ("UTC", "Etc/UTC", "Etc/GMT") as the one UTC zone.</summary>
    public static DateTimeZone ZoneOrUtc(string? id) => FindZone(id) is { } zone && !IsUtc(zone) ? zone : DateTimeZone.Utc;

    private static bool IsUtc(DateTimeZone zone) =>
        zone == DateTimeZone.Utc || zone.Id is "UTC" or "Etc/UTC" or "Etc/UCT" or "Etc/GMT" or "GMT" or "Etc/Universal" or "Etc/Zulu";

    public static string InZone(DateTime utc, string? zoneId)
    {
        var zone = ZoneOrUtc(zoneId);
        var zoned = Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(zone);
        if (zone == DateTimeZone.Utc)
        {
            return $"{Local.Format(zoned.LocalDateTime)} UTC";
        }

        return $"{Local.Format(zoned.LocalDateTime)} ({zone.Id}, UTC{Offset(zoned.Offset)})";
    }

    /// <summary>The reader's time and, unless that is UTC already, the UTC time too.</summary>
    public static string InZoneAndUtc(DateTime utc, string? zoneId)
    {
        var zone = ZoneOrUtc(zoneId);
        return zone == DateTimeZone.Utc ? InZone(utc, null) : $"{InZone(utc, zoneId)} = {InZone(utc, null)}";
    }

    public static string Utc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("HH:mm 'UTC', d MMM yyyy", CultureInfo.InvariantCulture);

    private static string Offset(Offset offset)
    {
        var text = OffsetPattern.CreateWithInvariantCulture("+HH:mm").Format(offset);
        return text.EndsWith(":00", StringComparison.Ordinal) ? text[..^3] : text;
    }
}
