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

    /// <summary>"24 h (1 day)", "48 h (2 days)", "12 h": whole days are named as days, in the language's plural.</summary>
    private static string HoursLabel(string language, int hours) =>
        hours % 24 == 0
            ? Catalogue.Plural(language, "Drafts.Guide.HoursDays", hours / 24, hours)
            : Catalogue.Format(language, "Drafts.Guide.Hours", hours);
}
