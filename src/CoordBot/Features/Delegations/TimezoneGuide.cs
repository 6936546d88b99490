using CoordBot.Domain;
using CoordBot.Features.Sessions;
using CoordBot.Localization;
using CoordBot.Telegram.Guides;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Delegations;

/// <summary>
/// The button under bare /timezone's answer (which says the current zone, as before): asks for a city (typed, in any case, understood as
/// /timezone understands it) or offers the zones delegations use most; the summary shows the time there before
/// Confirm, which sends <c>/timezone &lt;IANA zone&gt;</c>.
/// </summary>
internal sealed class TimezoneGuide : Guide
{
    /// <summary>Where the council's delegations most often work from: UN Headquarters, the capitals of the five permanent members, and UTC.</summary>
    private static readonly string[] Common = ["America/New_York", "Europe/London", "Europe/Paris", "Europe/Moscow", "Asia/Shanghai", "UTC"];

    public override string Command => "timezone";

    /// <summary>
    /// The zone a guide's time step reads in (<see cref="GuideStep.Zone"/>): the same zones as buttons, a typed city or
    /// zone read as /timezone reads it, and set for the person as /timezone sets it.
    /// </summary>
    public static StepZone ForTimes { get; } = new(Cities, ReadZone, SetAsync);

    /// <summary>
    /// The common zones as buttons, each named as the reader names its city (Moscou, 纽约); in English by its zone id, as
    /// these buttons always were.
    /// </summary>
    public static IReadOnlyList<GuideChoice> Cities(string language) =>
        [.. Common.Select(zone => new GuideChoice(Catalogue.Text(language, "Zone." + zone), zone))];

    /// <summary>A typed zone: a button's city as the reader writes it (北京, Moscou), else read as /timezone reads it.</summary>
    private static Outcome<string, string> ReadZone(string text, GuideScope scope)
    {
        var typed = text.Trim();
        if (Cities(scope.Update.Language).FirstOrDefault(c => string.Equals(c.Label, typed, StringComparison.OrdinalIgnoreCase)) is { } city)
        {
            return Outcome<string, string>.Accept(city.Value);
        }

        return ZoneLookup.Resolve(typed) is { } zone
            ? Outcome<string, string>.Accept(zone.Id)
            : Outcome<string, string>.Refuse(TimezoneWords.Unknown(scope.Update, typed));
    }

    private static async Task SetAsync(UpdateContext update, string zone, CancellationToken cancellationToken)
    {
        var person = await update.Db.People.FindAsync([update.Actor.UserId], cancellationToken);
        person!.TimeZone = zone;
        person.TimeZoneSetAt = update.NowUtc;
        update.ChoseZone(zone);
    }

    public override IReadOnlyList<GuideStep> Steps { get; } =
    [
        new("Guide.Timezone.Zone", "Guide.Timezone.Question")
        {
            Choices = (scope, _) => Task.FromResult(Cities(scope.Update.Language)),
            Read = ReadZone,
        },
    ];

    /// <summary>Bare /timezone still says the current zone; its button starts this guide.</summary>
    public override bool StartsWhenBare => false;

    public override string? Explain(GuideScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var update = scope.Update;
        return scope.Answers is [var zone, ..]
            ? Catalogue.Format(update.Language, "Guide.Timezone.Explain", Html.Escape(zone), Dates.InZoneAndUtc(update.Language, update.NowUtc, zone))
            : null;
    }
}
