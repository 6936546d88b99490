using CoordBot.Features.Sessions;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Delegations;

/// <summary>
/// <c>/timezone [zone]</c>: times are then shown to this user in that zone; without a zone, the current one. The zone
/// may be an IANA name in any case, a city ("New York", "Tallinn"), a country ("Estonia") or an offset ("GMT+2").
/// </summary>
internal sealed class TimezoneHandler : Command<string?>
{
    private const string Examples = "America/New_York, Europe/Tallinn, Asia/Shanghai, America/Argentina/Buenos_Aires, Africa/Johannesburg, UTC";

    public override CommandInfo Info { get; } = new("timezone", "/timezone <IANA zone>", "Show times in your zone, e.g. /timezone Europe/Tallinn")
    {
        Rule = Rules.Anyone,
        Example = "/timezone Europe/Tallinn",
    };

    // A city or country may be several words ("New York").
    protected override string? Parse(ArgReader args) => args.Rest(optional: true) is { Length: > 0 } text ? text : null;

    protected override async Task ExecuteAsync(CommandContext context, string? requested, CancellationToken cancellationToken)
    {
        if (requested is null)
        {
            context.Reply($"Your time zone is {Html.Escape(context.Actor.TimeZone)}. To change it, send /timezone followed by an IANA zone name, for example: {Examples}. A city or country works too, for example /timezone Tallinn.");
            return;
        }

        var match = ZoneLookup.Find(requested);
        if (ZoneLookup.ZoneOf(match) is not { } zone)
        {
            var doubt = ZoneLookup.Doubt(requested, match) is { } d ? $" {Html.Escape(Capitalized(d))}?" : string.Empty;
            context.Reply($"I don't know the time zone \"{Html.Escape(requested)}\".{doubt} Use an IANA name such as {Examples}, or a city or country (Tallinn, New York, Estonia). Nothing was changed.");
            return;
        }

        var person = await context.Update.Db.People.FindAsync([context.Actor.UserId], cancellationToken);
        person!.TimeZone = zone.Id;
        var understood = string.Equals(requested.Trim(), zone.Id, StringComparison.Ordinal) ? string.Empty : $" (from \"{Html.Escape(requested.Trim())}\": {Html.Escape(ZoneLookup.Label(zone.Id))})";
        var note = ZoneLookup.FixedOffsetNote(zone) is { } fixedOffset ? $"\n{Html.Escape(fixedOffset)}" : string.Empty;
        context.Reply($"Done: I will show you times in {Html.Escape(zone.Id)}{understood}. It is now {TimeDisplay.InZoneAndUtc(context.Update.NowUtc, zone.Id)}.{note}");
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
