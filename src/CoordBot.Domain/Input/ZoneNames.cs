using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CoordBot.Domain.Input;

/// <summary>A zone of the tz database as the catalogue knows it: its id and, for a canonical zone, its country.</summary>
public sealed record ZonePlace(string Id, string? CountryName, string? CountryCode);

public enum ZoneMatchKind
{
    /// <summary>One zone: <see cref="ZoneMatch.Id"/>.</summary>
    Found,

    /// <summary>A fixed offset from UTC ("GMT+2", "UTC+5:30"): <see cref="ZoneMatch.OffsetMinutes"/>.</summary>
    Offset,

    /// <summary>Several zones fit (a country with several): <see cref="ZoneMatch.Candidates"/>.</summary>
    Several,

    /// <summary>Nothing fits; <see cref="ZoneMatch.Candidates"/> holds close spellings, if any.</summary>
    Unknown,
}

public sealed record ZoneMatch(ZoneMatchKind Kind, string? Id, int OffsetMinutes, IReadOnlyList<string> Candidates);

/// <summary>
/// Finds a time zone from what a person types: an IANA id in any case (<c>america/new_york</c>), a city
/// (<c>New York</c>, <c>Tallinn</c>: the last part of an id, or a capital without a zone of its own such as
/// <c>Beijing</c>), a country (<c>Estonia</c>, <c>EE</c>) or a fixed offset (<c>GMT+2</c>, <c>UTC+5:30</c>).
/// When unsure it offers close spellings instead of guessing. Pure: the catalogue of zones is passed in.
/// </summary>
public static partial class ZoneNames
{
    /// <summary>Cities people name that have no zone id of their own, and the zone they keep.</summary>
    private static readonly Dictionary<string, string> Cities = new(StringComparer.Ordinal)
    {
        ["beijing"] = "Asia/Shanghai",
        ["peking"] = "Asia/Shanghai",
        ["washington"] = "America/New_York",
        ["washington dc"] = "America/New_York",
        ["boston"] = "America/New_York",
        ["san francisco"] = "America/Los_Angeles",
        ["hanoi"] = "Asia/Ho_Chi_Minh",
        ["saigon"] = "Asia/Ho_Chi_Minh",
        ["pretoria"] = "Africa/Johannesburg",
        ["cape town"] = "Africa/Johannesburg",
        ["geneva"] = "Europe/Zurich",
        ["the hague"] = "Europe/Amsterdam",
        ["new delhi"] = "Asia/Kolkata",
        ["delhi"] = "Asia/Kolkata",
        ["mumbai"] = "Asia/Kolkata",
        ["saint petersburg"] = "Europe/Moscow",
        ["st petersburg"] = "Europe/Moscow",
        ["kingstown"] = "America/St_Vincent",
        ["tunis"] = "Africa/Tunis",
        ["kiev"] = "Europe/Kyiv",
    };

    /// <summary>Country names people use that the tz database spells otherwise.</summary>
    private static readonly Dictionary<string, string> Countries = new(StringComparer.Ordinal)
    {
        ["usa"] = "US",
        ["us"] = "US",
        ["united states"] = "US",
        ["united states of america"] = "US",
        ["america"] = "US",
        ["uk"] = "GB",
        ["united kingdom"] = "GB",
        ["great britain"] = "GB",
        ["britain"] = "GB",
        ["england"] = "GB",
        ["russia"] = "RU",
        ["russian federation"] = "RU",
        ["vietnam"] = "VN",
        ["viet nam"] = "VN",
        ["south korea"] = "KR",
        ["korea"] = "KR",
        ["st vincent"] = "VC",
        ["saint vincent"] = "VC",
        ["saint vincent and the grenadines"] = "VC",
        ["czechia"] = "CZ",
        ["holland"] = "NL",
    };

    /// <summary>Finds the zone <paramref name="text"/> names among <paramref name="zones"/> (every id, canonical ones with their country).</summary>
    public static ZoneMatch Find(string text, IReadOnlyList<ZonePlace> zones)
    {
        ArgumentNullException.ThrowIfNull(zones);
        var typed = (text ?? string.Empty).Trim();
        var key = Key(typed);
        if (key.Length == 0)
        {
            return new ZoneMatch(ZoneMatchKind.Unknown, null, 0, []);
        }

        if (OffsetOf(typed) is { } minutes)
        {
            return new ZoneMatch(ZoneMatchKind.Offset, null, minutes, []);
        }

        if (zones.FirstOrDefault(z => string.Equals(z.Id, typed, StringComparison.OrdinalIgnoreCase)) is { } exact)
        {
            return Found(exact.Id);
        }

        // "america new york", "America/New York": the id with its separators written otherwise.
        if (zones.FirstOrDefault(z => Key(z.Id) == key) is { } spaced)
        {
            return Found(spaced.Id);
        }

        if (Cities.TryGetValue(key, out var capital) && zones.Any(z => z.Id == capital))
        {
            return Found(capital);
        }

        var canonical = zones.Where(z => z.CountryCode is not null).ToList();
        var byCity = canonical.Where(z => City(z.Id) == key).Select(z => z.Id).ToList();
        if (byCity.Count == 1)
        {
            return Found(byCity[0]);
        }

        var code = Countries.TryGetValue(key, out var alias) ? alias : key.Length == 2 ? key.ToUpperInvariant() : null;
        var byCountry = canonical
            .Where(z => Key(z.CountryName ?? string.Empty) == key || (code is not null && string.Equals(z.CountryCode, code, StringComparison.OrdinalIgnoreCase)))
            .Select(z => z.Id)
            .ToList();
        var found = byCity.Concat(byCountry).Distinct(StringComparer.Ordinal).ToList();
        if (found.Count == 1)
        {
            return Found(found[0]);
        }

        if (found.Count > 1)
        {
            return new ZoneMatch(ZoneMatchKind.Several, null, 0, found);
        }

        return new ZoneMatch(ZoneMatchKind.Unknown, null, 0, Close(key, canonical));
    }

    /// <summary>"UTC+05:30" for +330 minutes: the id NodaTime gives a fixed offset.</summary>
    public static string OffsetId(int minutes)
    {
        if (minutes == 0)
        {
            return "UTC";
        }

        var sign = minutes < 0 ? '-' : '+';
        var abs = Math.Abs(minutes);
        return string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{abs / 60:00}:{abs % 60:00}");
    }

    /// <summary>Minutes east of UTC for "UTC", "GMT+2", "utc-3:30", "+0530"; null when it is not an offset (or beyond ±14 h).</summary>
    public static int? OffsetOf(string text)
    {
        var match = OffsetPattern().Match((text ?? string.Empty).Trim());
        if (!match.Success)
        {
            return null;
        }

        if (!match.Groups["hours"].Success)
        {
            return 0;
        }

        var hours = int.Parse(match.Groups["hours"].Value, CultureInfo.InvariantCulture);
        var minutes = match.Groups["minutes"].Success ? int.Parse(match.Groups["minutes"].Value, CultureInfo.InvariantCulture) : 0;
        var total = (hours * 60) + minutes;
        if (minutes > 59 || total > 14 * 60)
        {
            return null;
        }

        return match.Groups["sign"].Value == "-" ? -total : total;
    }

    private static ZoneMatch Found(string id) => new(ZoneMatchKind.Found, id, 0, []);

    /// <summary>Up to four zones whose city or country is spelled closely (a typo or two, or the start of the name).</summary>
    private static List<string> Close(string key, List<ZonePlace> canonical)
    {
        var allowed = key.Length <= 4 ? 1 : key.Length <= 8 ? 2 : 3;
        return canonical
            .Select(z => (z.Id, Distance: Math.Min(Distance(key, City(z.Id)), Distance(key, Key(z.CountryName ?? string.Empty))),
                Prefix: key.Length >= 3 && City(z.Id).StartsWith(key, StringComparison.Ordinal)))
            .Where(c => c.Distance <= allowed || c.Prefix)
            .OrderBy(c => c.Prefix ? 0 : c.Distance)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => c.Id)
            .Distinct(StringComparer.Ordinal)
            .Take(4)
            .ToList();
    }

    /// <summary>The city of an id: its last part, in words ("America/Argentina/Buenos_Aires" is "buenos aires").</summary>
    private static string City(string id) => Key(id[(id.LastIndexOf('/') + 1)..]);

    /// <summary>Lower case, accents dropped, '_', '-', '/' and '.' as spaces, spaces single.</summary>
    private static string Key(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || c is '_' or '-' or '/' or '.' or ',')
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 3)
        {
            return int.MaxValue;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    [GeneratedRegex(@"^(?:(?:utc|gmt|z)\s*(?:(?<sign>[+-])\s*(?<hours>\d{1,2})(?::?(?<minutes>\d{2}))?)?|(?<sign>[+-])(?<hours>\d{1,2})(?::?(?<minutes>\d{2}))?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OffsetPattern();
}
