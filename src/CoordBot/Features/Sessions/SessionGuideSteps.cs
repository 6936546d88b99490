using System.Globalization;
using CoordBot.Domain;
using CoordBot.Domain.Input;
using CoordBot.Domain.Sessions;
using CoordBot.Localization;
using CoordBot.Telegram.Guides;
using CoordBot.Telegram.Rendering;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CoordBot.Features.Sessions;

/// <summary>
/// The steps the session guides share: a session the asker may manage, a day among the next two weeks and a
/// time in half hours, both in the asker's own zone (the typed form's default zone), so what they tap is what
/// they mean.
/// </summary>
internal static class SessionGuideSteps
{
    private const int Days = 14;

    public static GuideStep Session(string question) => new("Sessions.Guide.SessionLabel", question)
    {
        Choices = async (scope, ct) =>
        {
            var now = scope.Update.NowUtc;
            var sessions = await scope.Update.Db.Sessions.AsNoTracking()
                .Where(s => s.CancelledAt == null && s.StartUtc > now)
                .OrderBy(s => s.StartUtc)
                .ToListAsync(ct);
            return sessions
                .Where(s => SessionAccess.MayManage(s, scope.Actor))
                .Take(20)
                .Select(s => new GuideChoice($"{s.Label} {Shortened.To(s.Title, 24)} · {Dates.InZone(scope.Update.Language, s.StartUtc, scope.Actor.TimeZone)}", s.Label))
                .ToList();
        },
        ChoicesPerRow = 1,
    };

    public static GuideStep Day() => new("Sessions.Guide.DayLabel", "Sessions.Guide.DayQuestion")
    {
        Choices = (scope, _) =>
        {
            var today = Today(scope);
            var language = scope.Update.Language;
            return Task.FromResult<IReadOnlyList<GuideChoice>>(Enumerable.Range(0, Days)
                .Select(i => today.PlusDays(i))
                .Select((day, i) =>
                {
                    var shown = Dates.ShortDay(language, ToDateOnly(day));
                    return new GuideChoice(
                        i switch { 0 => Catalogue.Format(language, "Sessions.Today", shown), 1 => Catalogue.Format(language, "Sessions.Tomorrow", shown), _ => shown },
                        day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                })
                .ToList());
        },
        ChoicesPerRow = 2,
        // Typed in the reader's own words (demain, 明天, الجمعة, 3 décembre, 12月3日, ٣/١٢) or in English.
        Read = (text, scope) => DateWords.Read(text, ToDateOnly(Today(scope)), InputWords.Dates(scope.Update.Language)) switch
        {
            { IsDate: true, Date: { } date } => Outcome<string, string>.Accept(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            { IsAmbiguous: true, Date: { } first, Other: { } second } => Outcome<string, string>.Refuse(WhichDate(scope.Update.Language, first, second)),
            var failed => Outcome<string, string>.Refuse(InputText.DateRefusal(scope.Update.Language, failed)),
        },

        // 12/03 is asked, not guessed: its two readings become buttons that answer the step.
        Suggest = (text, scope) => DateWords.Read(text, ToDateOnly(Today(scope)), InputWords.Dates(scope.Update.Language)) is { IsAmbiguous: true, Date: { } first, Other: { } second }
            ? Readings(scope.Update.Language, first, second)
            : [],
    };

    /// <summary>"Do you mean Thu 3 Dec 2026 or Fri 12 Mar 2027? ..." (HTML).</summary>
    public static string WhichDate(string language, DateOnly first, DateOnly second) =>
        Catalogue.Format(language, "Sessions.WhichDate", LongDay(language, first), LongDay(language, second), DayMonth(language, first), DayMonth(language, second));

    /// <summary>The two readings of an ambiguous date as choices: "3 December", "12 March" in the reader's language.</summary>
    public static IReadOnlyList<GuideChoice> Readings(string language, DateOnly first, DateOnly second) =>
    [
        new(DayMonth(language, first, full: true), first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new(DayMonth(language, second, full: true), second.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
    ];

    private static string LongDay(string language, DateOnly day) =>
        language == Languages.English ? DateWords.Show(day) : day.ToString("D", Languages.Culture(language));

    private static string DayMonth(string language, DateOnly day, bool full = false) =>
        language == Languages.English
            ? day.ToString(full ? "d MMMM" : "d MMM", CultureInfo.InvariantCulture)
            : day.ToString(Languages.Culture(language).DateTimeFormat.MonthDayPattern, Languages.Culture(language));

    /// <summary>
    /// The time, in the asker's zone, which the question names; a zone typed after the time (10:00 New York) is read as
    /// the typed form reads it and goes on the command line after the time. The step offers to change the zone, and asks
    /// it first of a person who never chose one (<see cref="GuideStep.Zone"/>).
    /// </summary>
    public static GuideStep Time() => new("Sessions.Guide.TimeLabel", "Guidance.TimeQuestionInZone")
    {
        QuestionArgument = scope => scope.Actor.TimeZone,
        Zone = Delegations.TimezoneGuide.ForTimes,
        Choices = (scope, _) => Task.FromResult<IReadOnlyList<GuideChoice>>(Enumerable.Range(16, 24)
            .Select(halfHour => new TimeOnly(halfHour / 2, halfHour % 2 * 30).ToString("HH:mm", CultureInfo.InvariantCulture))
            .Select(time => new GuideChoice(time, time))
            .ToList()),
        ChoicesPerRow = 4,
        Read = (text, scope) => ReadTime(text, scope.Update.Language) is { } time
            ? Outcome<string, string>.Accept(time)
            : Outcome<string, string>.Refuse(Catalogue.Text(scope.Update.Language, "Sessions.TapATime")),
    };

    /// <summary>"15:00", or "15:00 America/New_York" when a zone follows the time (its city or IANA name); null if it is not a time.</summary>
    private static string? ReadTime(string text, string language)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (TimeWords.Read(words, 0, InputWords.Times(language)) is not { } read)
        {
            return null;
        }

        var time = read.Time.ToString("HH:mm", CultureInfo.InvariantCulture);
        if (read.Consumed == words.Length)
        {
            return time;
        }

        return ZoneLookup.Resolve(string.Join(' ', words.Skip(read.Consumed))) is { } zone ? $"{time} {zone.Id}" : null;
    }

    /// <summary>The formats the asker may convene: every format for the chair, an Arria-formula meeting for any head or deputy.</summary>
    public static GuideStep Format() => new("Sessions.Guide.FormatLabel", "Sessions.Guide.FormatQuestion")
    {
        Choices = (scope, _) => Task.FromResult<IReadOnlyList<GuideChoice>>(Enum.GetValues<SessionFormat>()
            .Where(f => SessionFormats.MayConvene(f, scope.Actor, scope.Actor.PresidentCode ?? string.Empty).IsAllowed)
            .Select(f => new GuideChoice(scope.Update.Language == Languages.English ? SessionFormats.ToName(f) : SessionRendering.FormatName(f, scope.Update.Language), SessionFormats.ToName(f)))
            .ToList()),
    };

    /// <summary>"Starts: ... (your zone) = ... UTC" for a day and a time answered in the reader's zone; null if they do not read as one.</summary>
    public static string? Starts(GuideScope scope, string day, string time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var (clock, zone) = time.Split(' ', 2) is [var hhmm, var named] ? (hhmm, named) : (time, scope.Actor.TimeZone);
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || !TimeOnly.TryParseExact(clock, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return null;
        }

        var local = new LocalDateTime(date.Year, date.Month, date.Day, at.Hour, at.Minute);
        var utc = local.InZoneLeniently(TimeDisplay.ZoneOrUtc(zone)).ToDateTimeUtc();
        return Catalogue.Format(scope.Update.Language, "Sessions.Starts", Html.Escape(Dates.InZoneAndUtc(scope.Update.Language, utc, zone)));
    }

    private static LocalDate Today(GuideScope scope) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(scope.Update.NowUtc, DateTimeKind.Utc)).InZone(TimeDisplay.ZoneOrUtc(scope.Actor.TimeZone)).Date;

    private static DateOnly ToDateOnly(LocalDate date) => new(date.Year, date.Month, date.Day);

}
