using CoordBot.Domain.Input;
using CoordBot.Features.Sessions;
using CoordBot.Localization;
using CoordBot.Telegram.Guides;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Delegations;

/// <summary>
/// <c>/timezone [zone]</c>: times are then shown to this user in that zone; without a zone, the current one (and a
/// guide that asks for the city, see <see cref="TimezoneGuide"/>). The zone may be an IANA name in any case, a city
/// ("New York", "Tallinn"), a country ("Estonia") or an offset ("GMT+2").
/// </summary>
internal sealed class TimezoneHandler : Command<string?>
{
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
            context.Update.Reply(TimezoneWords.Current(context.Update), [[GuideRunner.StartButton(Catalogue.Text(context.Update.Language, "Timezone.Choose"), Info.Name)]]);
            return;
        }

        if (ZoneLookup.Resolve(requested) is not { } zone)
        {
            context.Reply(TimezoneWords.Unknown(context.Update, requested));
            return;
        }

        var person = await context.Update.Db.People.FindAsync([context.Actor.UserId], cancellationToken);
        person!.TimeZone = zone.Id;
        person.TimeZoneSetAt = context.Update.NowUtc;
        var typed = requested.Trim();
        var now = Dates.InZoneAndUtc(context.Update.Language, context.Update.NowUtc, zone.Id);
        var done = string.Equals(typed, zone.Id, StringComparison.Ordinal)
            ? context.Text("Timezone.Done", Html.Escape(zone.Id), now)
            : context.Text("Timezone.DoneFrom", Html.Escape(zone.Id), Html.Escape(typed), Html.Escape(ZoneLookup.Label(context.Update.Language, zone.Id)), now);
        var note = ZoneLookup.FixedOffsetNote(zone) is null ? string.Empty : "\n" + context.Text("Timezone.FixedOffset", Html.Escape(zone.Id));
        context.Reply(done + note);
    }
}

/// <summary>The words of /timezone and of its guide, in the reader's language (zone names stay as IANA writes them).</summary>
internal static class TimezoneWords
{
    public const string Examples = "America/New_York, Europe/Tallinn, Asia/Shanghai, America/Argentina/Buenos_Aires, Africa/Johannesburg, UTC";

    public static string Current(UpdateContext update) => update.Text("Timezone.Current", Html.Escape(update.Actor.TimeZone), Examples);

    /// <summary>Why <paramref name="typed"/> is not one zone: its zones, close spellings, or just what is expected (HTML).</summary>
    public static string Unknown(UpdateContext update, string typed)
    {
        var match = ZoneLookup.Find(typed);
        var shown = Html.Escape(typed);
        return match.Kind switch
        {
            ZoneMatchKind.Several => update.Text("Timezone.UnknownSeveral", shown, Choices(update.Language, match.Candidates), Examples),
            ZoneMatchKind.Unknown when match.Candidates.Count > 0 => update.Text("Timezone.UnknownDidYouMean", shown, Choices(update.Language, match.Candidates), Examples),
            _ => update.Text("Timezone.Unknown", shown, Examples),
        };
    }

    // The candidates as ZoneLookup.Doubt lists them ("A, B or C and 2 more"), with the reader's "or" and "more".
    internal static string Choices(string language, IReadOnlyList<string> ids)
    {
        var culture = Catalogue.FormatCulture(language);
        var shown = ids.Take(8).Select(id => Html.Escape(ZoneLookup.Label(language, id))).ToList();
        var list = shown.Count == 1
            ? shown[0]
            : string.Format(culture, Catalogue.Text(language, "Timezone.Or"), string.Join(", ", shown.Take(shown.Count - 1)), shown[^1]);
        return ids.Count > shown.Count ? string.Format(culture, Catalogue.Text(language, "Timezone.AndMore"), list, ids.Count - shown.Count) : list;
    }
}
