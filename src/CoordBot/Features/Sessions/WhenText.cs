using System.Globalization;
using CoordBot.Domain.Input;
using CoordBot.Domain.Sessions;
using CoordBot.Features.Delegations;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;

namespace CoordBot.Features.Sessions;

/// <summary>
/// The words for a <see cref="WhenProblem"/> (why the date, time, zone, format or title of <c>/schedule</c> or
/// <c>/reschedule</c> was refused): English is the clause the bot has always written; the other languages come from the
/// catalogue (<c>When.*</c>), with examples in their own forms. A clause (no capital, no final stop), HTML.
/// </summary>
public static class WhenText
{
    public static string Why(string language, WhenProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (language == Languages.English || !Languages.IsKnown(language))
        {
            return Html.Escape(problem.English);
        }

        var typed = Html.Escape(problem.Typed);
        var culture = Languages.Culture(language);
        string Day(DateOnly? day) => day is { } d ? d.ToString("D", culture) : string.Empty;
        string DayMonth(DateOnly? day) => day is { } d ? d.ToString(culture.DateTimeFormat.MonthDayPattern, culture) : string.Empty;
        string Iso(DateOnly? day) => day is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;
        string Local(DateTime? at) => at is { } a ? Dates.DayAndTime(language, a) : string.Empty;
        return problem.Code switch
        {
            WhenProblemCode.Date when problem.Date is { } date => InputText.DateClause(language, date),
            WhenProblemCode.AmbiguousDate => Catalogue.Format(language, "When.AmbiguousDate", typed, Day(problem.First), Day(problem.Second), DayMonth(problem.First), DayMonth(problem.Second), Iso(problem.First), Iso(problem.Second)),
            WhenProblemCode.OutOfRange => Catalogue.Format(language, "When.OutOfRange", Iso(problem.First), DateWords.Earliest.Year, DateWords.Latest.Year),
            WhenProblemCode.TimeMissing => Catalogue.Text(language, "When.TimeMissing"),
            WhenProblemCode.NotATime => Catalogue.Format(language, "When.NotATime", typed),
            WhenProblemCode.ClockGap => Catalogue.Format(language, "When.ClockGap", Local(problem.Local), problem.ZoneId, problem.Offset, Local(problem.Suggested)),
            WhenProblemCode.UnknownZone => Catalogue.Format(language, "When.UnknownZone", typed, Doubt(language, problem)),
            WhenProblemCode.NeitherFormatNorZone => Catalogue.Format(language, "When.NeitherFormatNorZone", typed, Formats(language), Doubt(language, problem)),
            WhenProblemCode.UnknownFormat => Catalogue.Format(language, "When.UnknownFormat", typed, Formats(language)),
            WhenProblemCode.NotAZone => Catalogue.Format(language, "When.NotAZone", typed),
            WhenProblemCode.Duration => Catalogue.Format(language, "When.Duration", problem.Limit),
            WhenProblemCode.TitleTooLong => Catalogue.Format(language, "When.TitleTooLong", problem.Limit),
            WhenProblemCode.NoTitle => Catalogue.Text(language, "When.NoTitle"),
            WhenProblemCode.Past when problem.AtUtc is { } at => Catalogue.Format(language, "When.Past", Dates.InZone(language, at, problem.ZoneId)),
            _ => Catalogue.Text(language, "When.TooFewWords"),
        };
    }

    /// <summary>The note on a time that happens twice (HTML): English as the bot has always written it.</summary>
    public static string Note(string language, string note, TwiceFacts? twice, string zoneId) =>
        language == Languages.English || !Languages.IsKnown(language) || twice is null
            ? Html.Escape(note)
            : Catalogue.Format(language, "When.Twice", Dates.DayAndTime(language, twice.Local), zoneId, twice.Earlier, twice.Later);

    /// <summary>An example of the typed <c>/schedule</c> in the reader's own words.</summary>
    public static string Example(string language) => Html.Escape(Catalogue.Text(language, "When.ScheduleExample"));

    /// <summary>The formats as the reader may type them: "publique, privée, consultations ou arria".</summary>
    private static string Formats(string language)
    {
        var words = Enum.GetValues<SessionFormat>().Select(f => Html.Escape(Catalogue.Text(language, "Arg." + SessionFormats.ToName(f)))).ToList();
        return string.Format(Catalogue.FormatCulture(language), Catalogue.Text(language, "Timezone.Or"), string.Join(Catalogue.Text(language, "When.Comma"), words.Take(words.Count - 1)), words[^1]);
    }

    private static string Doubt(string language, WhenProblem problem) =>
        problem.Candidates.Count == 0 ? string.Empty
        : problem.Several ? Catalogue.Format(language, "When.ZoneSeveral", Html.Escape(problem.Typed), TimezoneWords.Choices(language, problem.Candidates))
        : Catalogue.Format(language, "When.ZoneDidYouMean", TimezoneWords.Choices(language, problem.Candidates));
}
