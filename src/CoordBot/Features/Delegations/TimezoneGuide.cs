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
    public static StepZone ForTimes { get; } = new(
        [.. Common.Select(zone => new GuideChoice(zone, zone))],
        (text, scope) => ZoneLookup.Resolve(text) is { } zone
            ? Outcome<string, string>.Accept(zone.Id)
            : Outcome<string, string>.Refuse(TimezoneWords.Unknown(scope.Update, text.Trim())),
        SetAsync);

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
            Choices = (_, _) => Task.FromResult<IReadOnlyList<GuideChoice>>([.. Common.Select(zone => new GuideChoice(zone, zone))]),
            Read = (text, scope) => ZoneLookup.Resolve(text) is { } zone
                ? Outcome<string, string>.Accept(zone.Id)
                : Outcome<string, string>.Refuse(TimezoneWords.Unknown(scope.Update, text.Trim())),
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
