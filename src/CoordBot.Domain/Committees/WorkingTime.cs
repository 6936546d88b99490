namespace CoordBot.Domain.Committees;

/// <summary>
/// Time that counts towards a deadline in working days: every hour of Monday to Friday in the body's zone; Saturdays
/// and Sundays do not count. Pure: the zone is passed in, times are UTC in and out.
/// </summary>
public static class WorkingTime
{
    /// <summary>The same local time <paramref name="days"/> working days later (a start on a weekend counts from Monday's first hour's time of day).</summary>
    public static DateTime AddWorkingDays(DateTime startUtc, int days, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTimeFromUtc(Utc(startUtc), zone);
        var counted = 0;
        while (counted < days)
        {
            local = local.AddDays(1);
            if (!IsWeekend(local))
            {
                counted++;
            }
        }

        return ToUtc(local, zone);
    }

    /// <summary>The working time from <paramref name="fromUtc"/> to <paramref name="toUtc"/> (zero when it has passed).</summary>
    public static TimeSpan Between(DateTime fromUtc, DateTime toUtc, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (toUtc <= fromUtc)
        {
            return TimeSpan.Zero;
        }

        // Walk day by day in UTC-anchored steps, so a change of clocks inside the span counts its real hours.
        var total = TimeSpan.Zero;
        var cursor = Utc(fromUtc);
        var end = Utc(toUtc);
        while (cursor < end)
        {
            var next = Min(NextMidnightUtc(cursor, zone), end);
            if (!IsWeekend(TimeZoneInfo.ConvertTimeFromUtc(cursor, zone)))
            {
                total += next - cursor;
            }

            cursor = next;
        }

        return total;
    }

    /// <summary>The instant when <paramref name="remaining"/> working time has passed after <paramref name="fromUtc"/>.</summary>
    public static DateTime Add(DateTime fromUtc, TimeSpan remaining, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var cursor = Utc(fromUtc);
        while (true)
        {
            var midnight = NextMidnightUtc(cursor, zone);
            if (!IsWeekend(TimeZoneInfo.ConvertTimeFromUtc(cursor, zone)))
            {
                if (remaining <= midnight - cursor)
                {
                    return cursor + remaining;
                }

                remaining -= midnight - cursor;
            }

            cursor = midnight;
        }
    }

    private static bool IsWeekend(DateTime local) => local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static DateTime NextMidnightUtc(DateTime utc, TimeZoneInfo zone) =>
        ToUtc(TimeZoneInfo.ConvertTimeFromUtc(utc, zone).Date.AddDays(1), zone);

    // A local time the clocks skip (spring forward) is read an hour later; an ambiguous one as its first occurrence.
    private static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeToUtc(local, zone), DateTimeKind.Utc);
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
