using CoordBot.Domain.Input;
using CoordBot.Telegram.Rendering;
using NodaTime;
using NodaTime.TimeZones;

namespace CoordBot.Features.Sessions;

/// <summary>
/// A time zone from what a person typed (<see cref="ZoneNames"/>), over NodaTime's tz database and its location
/// data (the countries of zone.tab), with the words that confirm, ask or refuse. Shared by <c>/timezone</c>,
/// <c>/schedule</c> and <c>/reschedule</c>.
/// </summary>
public static class ZoneLookup
{
    private static readonly Lazy<IReadOnlyList<ZonePlace>> Catalogue = new(() =>
    {
        var source = TzdbDateTimeZoneSource.Default;
        var places = (source.ZoneLocations ?? [])
            .Select(l => new ZonePlace(l.ZoneId, l.CountryName, l.CountryCode))
            .ToList();
        var canonical = places.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        places.AddRange(DateTimeZoneProviders.Tzdb.Ids.Where(id => !canonical.Contains(id)).Select(id => new ZonePlace(id, null, null)));
        return places;
    });

    private static readonly Lazy<Dictionary<string, ZonePlace>> Countries = new(() =>
        Catalogue.Value.Where(p => p.CountryName is not null).GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));

    public static ZoneMatch Find(string text) => ZoneNames.Find(text, Catalogue.Value);

    /// <summary>The zone a match names (a fixed offset becomes NodaTime's "UTC+05:30" zone), or null.</summary>
    public static DateTimeZone? ZoneOf(ZoneMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return match.Kind switch
        {
            ZoneMatchKind.Found => TimeDisplay.FindZone(match.Id),
            ZoneMatchKind.Offset => match.OffsetMinutes == 0 ? DateTimeZone.Utc : DateTimeZone.ForOffset(Offset.FromSeconds(match.OffsetMinutes * 60)),
            _ => null,
        };
    }

    /// <summary>The zone <paramref name="text"/> names without doubt, or null.</summary>
    public static DateTimeZone? Resolve(string? text) => string.IsNullOrWhiteSpace(text) ? null : ZoneOf(Find(text));

    /// <summary>"Europe/Tallinn (Estonia)": the country as the tz database names it (English, a contract).</summary>
    public static string Label(string zoneId) =>
        Countries.Value.TryGetValue(zoneId, out var place) ? $"{zoneId} ({place.CountryName})" : zoneId;

    /// <summary>
    /// The zone with its country in <paramref name="language"/>: "Europe/Tallinn (Estonie)", "Europe/Tallinn (爱沙尼亚)" (CLDR
    /// through ICU, <see cref="Localization.Countries"/>); English is <see cref="Label(string)"/>, character for character.
    /// </summary>
    public static string Label(string language, string zoneId)
    {
        if (language == Localization.Languages.English || !Countries.Value.TryGetValue(zoneId, out var place) || place.CountryCode is null)
        {
            return Label(zoneId);
        }

        return Localization.Countries.Name(language, place.CountryCode) is { } country ? $"{zoneId} ({country})" : zoneId;
    }

    /// <summary>
    /// Why <paramref name="text"/> is not one zone, as plain text (no HTML) without a final full stop: the choices,
    /// close spellings, or nothing (null).
    /// </summary>
    public static string? Doubt(string text, ZoneMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return match.Kind switch
        {
            ZoneMatchKind.Several => $"\"{text}\" has several time zones: {Choices(match.Candidates, "or")}; name the one you mean by its city",
            ZoneMatchKind.Unknown when match.Candidates.Count > 0 => $"did you mean {Choices(match.Candidates, "or")}",
            _ => null,
        };
    }

    /// <summary>A fixed offset does not follow daylight saving time: said once, where the zone is confirmed.</summary>
    public static string? FixedOffsetNote(DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone != DateTimeZone.Utc && zone.Id.StartsWith("UTC", StringComparison.Ordinal)
            ? $"{zone.Id} is a fixed offset: it does not follow daylight saving time. A city does (for example Europe/Berlin)."
            : null;
    }

    private static string Choices(IReadOnlyList<string> ids, string last)
    {
        var shown = ids.Take(8).Select(Label).ToList();
        var more = ids.Count > shown.Count ? $" and {ids.Count - shown.Count} more" : string.Empty;
        return shown.Count == 1 ? shown[0] + more
            : string.Join(", ", shown.Take(shown.Count - 1)) + $" {last} " + shown[^1] + more;
    }
}
