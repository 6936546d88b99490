using System.Globalization;
using CoordBot.Domain;
using CoordBot.Domain.Drafts;
using CoordBot.Domain.Input;
using CoordBot.Localization;
using CoordBot.Telegram.Guides;
using CoordBot.Telegram.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Drafts;

/// <summary>
/// The steps the draft guides share: a draft on which the step's action is possible now, among those the asker
/// may act on (their delegation reads it, or, for the chair's actions, every draft), and a number of hours.
/// </summary>
public static class DraftGuideSteps
{
    /// <summary>
    /// Drafts where <paramref name="action"/> is possible now: those the asker's delegation may read, or every one
    /// when <paramref name="chairSeesAll"/> and the asker acts as chair. The command checks again on Confirm.
    /// </summary>
    public static GuideStep Draft(string question, DraftAction action, bool chairSeesAll = false) => new("Guide.Step.Draft", question)
    {
        Choices = async (scope, ct) =>
        {
            var actor = scope.Actor;
            var db = scope.Update.Db;
            var all = chairSeesAll && actor.IsChair;
            var readable = actor.DelegationCode is { } code ? await DraftDesk.ReadableByAsync(db, code, ct) : [];
            var drafts = await db.Drafts.AsNoTracking().OrderByDescending(d => d.Id).Take(200).ToListAsync(ct);
            return drafts
                .Where(d => (all || readable.Contains(d.Id)) && DraftDesk.Check(d, action).IsAccepted)
                .Take(20)
                .Select(d => new GuideChoice($"{d.Label} {Shortened.To(d.Title, 32)}", d.Label))
                .ToList();
        },
        ChoicesPerRow = 1,
    };

    /// <summary>
    /// A deadline: a number of hours among <paramref name="offered"/> (written on the command line as <paramref name="suffix"/>
    /// requires), or typed as hours or as a day and a time in a zone (<see cref="Deadlines.DeadlineInput"/>), which goes on the
    /// command line as <c>2026-12-10 15:00 Europe/Tallinn</c>.
    /// </summary>
    public static GuideStep Hours(string question, IReadOnlyList<int> offered, int max, string suffix = "") => new("Guide.Step.Hours", question)
    {
        // 36, 36h, ٣٦ ساعة, 36 часов, 36小时: native digits and the unit's name in each language.
        Read = (text, scope) =>
        {
            var language = scope.Update.Language;
            if (HourCount.Read(text) is { } hours)
            {
                return hours >= 1 && hours <= max
                    ? Outcome<string, string>.Accept(hours.ToString(CultureInfo.InvariantCulture) + suffix)
                    : Outcome<string, string>.Refuse(Catalogue.Format(language, "Deadlines.Guide.WhenRefused", max));
            }

            var at = Deadlines.DeadlineInput.Canonical(text, language, scope.Actor.TimeZone, scope.Update.NowUtc, TimeSpan.FromHours(max));
            return at.IsAccepted ? Outcome<string, string>.Accept(at.Value!)
                : at.Refusal!.Code == Deadlines.DeadlineRefusalCode.Unreadable ? Outcome<string, string>.Refuse(Catalogue.Format(language, "Deadlines.Guide.WhenRefused", max))
                : Outcome<string, string>.Refuse(Deadlines.DeadlineInput.Say(language, at.Refusal, string.Empty, scope.Actor.TimeZone));
        },
        Choices = (scope, _) => Task.FromResult<IReadOnlyList<GuideChoice>>(offered
            .Select(h => new GuideChoice(HoursLabel(scope.Update.Language, h), h.ToString(CultureInfo.InvariantCulture) + suffix))
            .ToList()),
        ChoicesPerRow = 2,
    };

    /// <summary>The working days a committee's deadline step offers, as <c>/silence D&lt;n&gt; 5wd</c> takes them.</summary>
    private static readonly int[] OfferedWorkingDays = [1, 2, 3, 5, 10];

    /// <summary>
    /// The deadline of a silence: <see cref="Hours"/>, and working days that skip weekends (<c>5wd</c>, the words of
    /// <c>/silence D&lt;n&gt; 5wd</c>, so the command counts them exactly as typed). Where <paramref name="inWorkingDays"/>
    /// (a body under the no-objection procedure) the working days are offered first, as buttons, and the question says so;
    /// elsewhere the step asks and offers as it always did, and still takes <c>5wd</c> typed, as the command does.
    /// </summary>
    public static GuideStep SilenceLength(string question, string workingDaysQuestion, IReadOnlyList<int> offered, int max, Func<bool> inWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(inWorkingDays);
        var hours = Hours(question, offered, max);
        return hours with
        {
            QuestionFor = _ => inWorkingDays() ? new TextKey(workingDaysQuestion) : default(TextKey?),
            Read = (text, scope) =>
            {
                var language = scope.Update.Language;
                var typed = text.Trim();
                if (WorkingDayChoices(language).FirstOrDefault(c => string.Equals(c.Label, typed, StringComparison.OrdinalIgnoreCase)) is { } named)
                {
                    return Outcome<string, string>.Accept(named.Value);
                }

                if (typed.EndsWith("wd", StringComparison.OrdinalIgnoreCase))
                {
                    return Domain.Committees.SilenceLength.Read(typed) is { WorkingDays: true } length
                        ? Outcome<string, string>.Accept(WorkingDays(length.Count))
                        : Outcome<string, string>.Refuse(Catalogue.Format(language, "Bodies2.Guide.WorkingDaysRefused", max, Domain.Committees.SilenceLength.MaxWorkingDays));
                }

                var read = hours.Read!(text, scope);
                return read.IsAccepted || !inWorkingDays() ? read
                    : Outcome<string, string>.Refuse(Catalogue.Format(language, "Bodies2.Guide.WorkingDaysRefused", max, Domain.Committees.SilenceLength.MaxWorkingDays));
            },
            Choices = async (scope, ct) =>
            {
                var inHours = await hours.Choices!(scope, ct);
                return inWorkingDays() ? [.. WorkingDayChoices(scope.Update.Language), .. inHours] : inHours;
            },
        };
    }

    private static IEnumerable<GuideChoice> WorkingDayChoices(string language) =>
        OfferedWorkingDays.Select(days => new GuideChoice(Catalogue.Plural(language, "Bodies2.Guide.WorkingDays", days), WorkingDays(days)));

    private static string WorkingDays(int days) => days.ToString(CultureInfo.InvariantCulture) + "wd";

    /// <summary>"24 h (1 day)", "48 h (2 days)", "12 h": whole days are named as days, in the language's plural.</summary>
    private static string HoursLabel(string language, int hours) =>
        hours % 24 == 0
            ? Catalogue.Plural(language, "Drafts.Guide.HoursDays", hours / 24, hours)
            : Catalogue.Format(language, "Drafts.Guide.Hours", hours);
}
