using System.Globalization;
using CoordBot.Domain;
using CoordBot.Domain.Input;
using CoordBot.Domain.Sessions;
using CoordBot.Telegram.Rendering;
using NodaTime;

namespace CoordBot.Features.Sessions;

/// <summary>What <c>/schedule</c> asks for, parsed and checked; nothing here touches the database.</summary>
public sealed record ScheduleRequest(DateTime StartUtc, string ZoneId, SessionFormat Format, int DurationMinutes, string Title, string? Note)
{
    /// <summary>The date and time words as typed, when they were not already in the plain yyyy-mm-dd HH:mm form (shown back).</summary>
    public string? ReadAs { get; init; }

    /// <summary>The facts of <see cref="Note"/> when the time happens twice, for a reader of another language.</summary>
    public TwiceFacts? Twice { get; init; }

    public const int DefaultMinutes = 120;
    public const int MaxMinutes = 24 * 60;

    public const string Usage = "/schedule &lt;yyyy-mm-dd&gt; &lt;HH:mm&gt; [IANA zone] &lt;open|closed|consultations|arria&gt; [&lt;minutes&gt;m] &lt;title&gt;";

    /// <summary>
    /// Parses <c>&lt;date&gt; &lt;time&gt; [zone] &lt;format&gt; [&lt;minutes&gt;m] &lt;title&gt;</c>, the date and time in the
    /// reader's words (<paramref name="dateNames"/>, <paramref name="timeNames"/>: <see cref="When"/>) or in English.
    /// </summary>
    public static Outcome<ScheduleRequest, WhenProblem> Parse(IReadOnlyList<string> words, string defaultZone, DateTime nowUtc, DateNames? dateNames = null, TimeNames? timeNames = null)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count < 4)
        {
            return Refuse<ScheduleRequest>(new(WhenProblemCode.TooFewWords, "a session needs a date, a time, a format and a title"));
        }

        var at = When(words, 0, defaultZone, nowUtc, zoneAlone: false, out var consumed, dateNames, timeNames);
        if (at.Refusal is { } problem)
        {
            return Refuse<ScheduleRequest>(problem);
        }

        var index = consumed;
        var formatText = words.Count > index ? words[index] : null;
        var format = SessionFormats.Parse(formatText);
        if (!format.IsSuccess)
        {
            return Refuse<ScheduleRequest>(new(WhenProblemCode.UnknownFormat, format.Error) { Typed = formatText ?? string.Empty });
        }

        index++;
        var minutes = DefaultMinutes;
        if (words.Count > index && words[index].Length > 1 && words[index].EndsWith('m') && words[index][..^1].All(char.IsAsciiDigit))
        {
            if (!int.TryParse(words[index][..^1], NumberStyles.None, CultureInfo.InvariantCulture, out minutes) || minutes < 1 || minutes > MaxMinutes)
            {
                return Refuse<ScheduleRequest>(new(WhenProblemCode.Duration, $"the duration must be between 1m and {MaxMinutes}m") { Limit = MaxMinutes });
            }

            index++;
        }

        var title = string.Join(' ', words.Skip(index)).Trim();
        if (title.Length == 0)
        {
            return Refuse<ScheduleRequest>(new(WhenProblemCode.NoTitle, "the session needs a title after the format"));
        }

        if (title.Length > 300)
        {
            return Refuse<ScheduleRequest>(new(WhenProblemCode.TitleTooLong, "the title is too long (at most 300 characters)") { Limit = 300 });
        }

        var (startUtc, zoneId, note, read) = at.Value!;
        if (startUtc <= nowUtc)
        {
            return Refuse<ScheduleRequest>(new(WhenProblemCode.Past, $"{TimeDisplay.InZone(startUtc, zoneId)} is in the past: choose a time still to come") { AtUtc = startUtc, ZoneId = zoneId });
        }

        return Outcome<ScheduleRequest, WhenProblem>.Accept(new ScheduleRequest(startUtc, zoneId, format.Value, minutes, title, note) { ReadAs = read, Twice = at.Value.Twice });
    }

    /// <summary>
    /// Date, time and an optional zone from <paramref name="index"/> on (shared by <c>/schedule</c> and <c>/reschedule</c>);
    /// <paramref name="consumed"/> is where the reading stopped. The date and time take the forms of
    /// <see cref="DateWords"/> and <see cref="TimeWords"/>; the zone those of <see cref="ZoneNames"/>, one word, or
    /// several when they end the words (<paramref name="zoneAlone"/>) or a format follows them. Without a zone the
    /// author's is used, and "today" is today there. A date that could be read two ways (12/03) is not guessed.
    /// </summary>
    /// <param name="dateNames">A language's date words besides English (<see cref="Localization.InputWords.Dates"/>); null: English only, as /schedule has always read.</param>
    /// <param name="timeNames">Likewise for the time (<see cref="Localization.InputWords.Times"/>).</param>
    public static Outcome<StartReading, WhenProblem> When(IReadOnlyList<string> words, int index, string defaultZone, DateTime nowUtc, bool zoneAlone, out int consumed, DateNames? dateNames = null, TimeNames? timeNames = null)
    {
        ArgumentNullException.ThrowIfNull(words);
        consumed = index;
        var nowInstant = Instant.FromDateTimeUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc));
        var probe = DateWords.Read(words, index, DateOnly.FromDateTime(nowUtc), dateNames);
        if (probe.Error is { } dateError)
        {
            return Refuse<StartReading>(new(WhenProblemCode.Date, dateError) { Date = probe });
        }

        var timeAt = index + probe.Consumed;
        if (TimeWords.Read(words, timeAt, timeNames) is not var (time, timeWords))
        {
            var typed = timeAt < words.Count ? words[timeAt] : string.Empty;
            return Refuse<StartReading>(typed.Length == 0
                ? new(WhenProblemCode.TimeMissing, "a time is missing after the date: write it as HH:mm on the 24-hour clock, for example 15:30, or as 3pm")
                : new(WhenProblemCode.NotATime, $"\"{typed}\" is not a time: write it as HH:mm on the 24-hour clock, for example 15:30, or as 3pm or 15h") { Typed = typed });
        }

        var zone = TimeDisplay.FindZone(defaultZone) ?? DateTimeZone.Utc;
        var zoneAt = timeAt + timeWords;
        var zoneWords = 0;
        if (zoneAt < words.Count && !SessionFormats.Parse(words[zoneAt]).IsSuccess)
        {
            var named = ReadZone(words, zoneAt, zoneAlone, out zoneWords);
            if (named.Refusal is { } zoneProblem)
            {
                return Refuse<StartReading>(zoneProblem);
            }

            zone = named.Value!;
        }

        consumed = zoneAt + zoneWords;
        var today = nowInstant.InZone(zone).Date;
        var date = DateWords.Read(words, index, new DateOnly(today.Year, today.Month, today.Day), dateNames);
        if (date.IsAmbiguous)
        {
            var (dayFirst, monthFirst) = (date.Date!.Value, date.Other!.Value);
            return Refuse<StartReading>(new(
                WhenProblemCode.AmbiguousDate,
                $"\"{words[index]}\" could be {DateWords.Show(dayFirst)} or {DateWords.Show(monthFirst)}. Write it as " +
                $"{dayFirst.Day} {Month(dayFirst)} or {monthFirst.Day} {Month(monthFirst)} " +
                $"(or {dayFirst:yyyy-MM-dd} or {monthFirst:yyyy-MM-dd}) and send it again")
            { Typed = words[index], First = dayFirst, Second = monthFirst });
        }

        var day = date.Date!.Value;
        if (day < DateWords.Earliest || day > DateWords.Latest)
        {
            return Refuse<StartReading>(new(WhenProblemCode.OutOfRange, $"{day:yyyy-MM-dd} is outside the dates I schedule ({DateWords.Earliest.Year} to {DateWords.Latest.Year})") { First = day });
        }

        var local = new LocalDateTime(day.Year, day.Month, day.Day, time.Hour, time.Minute);
        var resolved = SessionTime.Resolve(local, zone);
        if (!resolved.IsSuccess)
        {
            var gap = SessionTime.Gap(local, zone);
            return Refuse<StartReading>(new(WhenProblemCode.ClockGap, resolved.Error) { ZoneId = zone.Id, Local = gap.Local, Suggested = gap.Suggested, Offset = gap.Offset });
        }

        var typedWhen = string.Join(' ', words.Skip(index).Take(zoneAt - index));
        var plain = probe.Consumed == 1 && timeWords == 1 && System.Text.RegularExpressions.Regex.IsMatch(typedWhen, @"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$");
        return Outcome<StartReading, WhenProblem>.Accept(new StartReading(resolved.Value.Utc, zone.Id, resolved.Value.Note, plain ? null : typedWhen) { Twice = resolved.Value.Twice });
    }

    /// <summary>The zone at <paramref name="at"/>: the longest run of words (up to three) that names one zone.</summary>
    private static Outcome<DateTimeZone, WhenProblem> ReadZone(IReadOnlyList<string> words, int at, bool zoneAlone, out int taken)
    {
        taken = 0;
        for (var n = Math.Min(3, words.Count - at); n >= 2; n--)
        {
            var endsWell = zoneAlone ? at + n == words.Count : at + n < words.Count && SessionFormats.Parse(words[at + n]).IsSuccess;
            if (endsWell && ZoneLookup.Resolve(string.Join(' ', words.Skip(at).Take(n))) is { } several)
            {
                taken = n;
                return Outcome<DateTimeZone, WhenProblem>.Accept(several);
            }
        }

        var word = words[at];
        var match = ZoneLookup.Find(word);
        if (ZoneLookup.ZoneOf(match) is { } zone)
        {
            taken = 1;
            return Outcome<DateTimeZone, WhenProblem>.Accept(zone);
        }

        var doubt = ZoneLookup.Doubt(word, match) is { } d ? $" ({d})" : string.Empty;
        var zoneLike = LooksLikeZone(word) || match.Kind == ZoneMatchKind.Several;
        return Outcome<DateTimeZone, WhenProblem>.Refuse(new(
            zoneLike ? WhenProblemCode.UnknownZone : WhenProblemCode.NeitherFormatNorZone,
            zoneLike
                ? $"I don't know the time zone \"{word}\": use an IANA name such as Europe/Tallinn, America/New_York or UTC, or a city{doubt}"
                : $"\"{word}\" is neither a format (open, closed, consultations, arria) nor a time zone I know (an IANA name such as Europe/Tallinn, or a city){doubt}")
        {
            Typed = word,
            Candidates = match.Kind is ZoneMatchKind.Several or ZoneMatchKind.Unknown ? match.Candidates : [],
            Several = match.Kind == ZoneMatchKind.Several,
        });
    }

    private static Outcome<T, WhenProblem> Refuse<T>(WhenProblem problem) => Outcome<T, WhenProblem>.Refuse(problem);

    private static string Month(DateOnly date) => date.ToString("MMM", CultureInfo.InvariantCulture);

    private static bool LooksLikeZone(string text) =>
        text.Contains('/', StringComparison.Ordinal) || text.StartsWith("UTC", StringComparison.OrdinalIgnoreCase) || text.StartsWith("GMT", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A start read from words: the UTC instant, the zone it was set in, a note on it, and the words as typed (null when plain).</summary>
public sealed record StartReading(DateTime Utc, string ZoneId, string? Note, string? ReadAs)
{
    /// <summary>The facts of <see cref="Note"/> when the time happens twice, for a reader of another language.</summary>
    public TwiceFacts? Twice { get; init; }
}
