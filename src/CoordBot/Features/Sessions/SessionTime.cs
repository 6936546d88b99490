using CoordBot.Domain;
using NodaTime;
using NodaTime.Text;

namespace CoordBot.Features.Sessions;

/// <summary>A UTC instant for a wall-clock time in a zone, and what the author should know about it.</summary>
public sealed record ResolvedTime(DateTime Utc, string? Note)
{
    /// <summary>The facts of <see cref="Note"/>, for a reader of another language.</summary>
    public TwiceFacts? Twice { get; init; }
}

/// <summary>A time that happens twice: the local time and the two offsets ("UTC+3").</summary>
public sealed record TwiceFacts(DateTime Local, string Earlier, string Later);

/// <summary>A time the clocks jump over: the local time, the first time after it, and the offset after the jump.</summary>
public sealed record GapFacts(DateTime Local, DateTime Suggested, string Offset);

/// <summary>
/// Turns "2026-03-09 10:00 America/New_York" into a UTC instant with NodaTime's tz database, so a
/// daylight-saving change between now and then cannot shift the meeting. A wall-clock time that does not
/// exist (the clocks jump over it) is refused; one that happens twice (the clocks go back) is taken at its
/// earlier occurrence, and the author is told.
/// </summary>
public static class SessionTime
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd");
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");
    private static readonly LocalDateTimePattern Shown = LocalDateTimePattern.CreateWithInvariantCulture("d MMM uuuu HH':'mm");

    /// <summary>
    /// The dates a session may fall on. Far from them NodaTime and DateTime run out of range (9999-12-31 23:59
    /// in New York is already year 10000 in UTC, and a session's end is later still), so they are refused as dates.
    /// </summary>
    public static readonly LocalDate Earliest = new(1900, 1, 1);

    public static readonly LocalDate Latest = new(2099, 12, 31);

    public static Result<LocalDate> ParseDate(string text)
    {
        var parsed = DatePattern.Parse(text);
        if (!parsed.Success)
        {
            return Result.Fail<LocalDate>($"\"{text}\" is not a date: write it as yyyy-mm-dd, for example 2026-12-01");
        }

        return parsed.Value < Earliest ? Result.Fail<LocalDate>($"{text} is long past: choose a date still to come")
            : parsed.Value > Latest ? Result.Fail<LocalDate>($"{text} is too far ahead: I schedule sessions up to {Latest.Year}-12-31")
            : Result.Ok(parsed.Value);
    }

    public static Result<LocalTime> ParseTime(string text)
    {
        var parsed = TimePattern.Parse(text);
        return parsed.Success
            ? Result.Ok(parsed.Value)
            : Result.Fail<LocalTime>($"\"{text}\" is not a time: write it as HH:mm on the 24-hour clock, for example 15:30");
    }

    public static Result<ResolvedTime> Resolve(LocalDateTime local, DateTimeZone zone)
    {
        var mapping = zone.MapLocal(local);
        switch (mapping.Count)
        {
            case 1:
                return Result.Ok(new ResolvedTime(mapping.Single().ToDateTimeUtc(), null));
            case 0:
                var after = zone.AtLeniently(local);
                var interval = zone.GetZoneInterval(after.ToInstant());
                return Result.Fail<ResolvedTime>(
                    $"{Shown.Format(local)} does not exist in {zone.Id}: the clocks go forward then " +
                    $"(to UTC{Format(interval.WallOffset)}). Choose another time, for example {Shown.Format(after.LocalDateTime)}");
            default:
                var earlier = mapping.First();
                var later = mapping.Last();
                return Result.Ok(new ResolvedTime(
                    earlier.ToDateTimeUtc(),
                    $"{Shown.Format(local)} happens twice in {zone.Id} (the clocks go back that night): I took the earlier one, " +
                    $"UTC{Format(earlier.Offset)}, not the later one, UTC{Format(later.Offset)}.")
                {
                    Twice = new TwiceFacts(local.ToDateTimeUnspecified(), $"UTC{Format(earlier.Offset)}", $"UTC{Format(later.Offset)}"),
                });
        }
    }

    /// <summary>The facts of a time the clocks jump over (<see cref="Resolve"/> refuses it).</summary>
    public static GapFacts Gap(LocalDateTime local, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var after = zone.AtLeniently(local);
        return new GapFacts(local.ToDateTimeUnspecified(), after.LocalDateTime.ToDateTimeUnspecified(), $"UTC{Format(zone.GetZoneInterval(after.ToInstant()).WallOffset)}");
    }

    private static string Format(Offset offset)
    {
        var text = OffsetPattern.CreateWithInvariantCulture("+HH:mm").Format(offset);
        return text.EndsWith(":00", StringComparison.Ordinal) ? text[..^3] : text;
    }
}
