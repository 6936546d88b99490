using System.Collections.Concurrent;
using System.Globalization;

namespace CoordBot.Localization;

/// <summary>
/// A country or territory named in the reader's language from CLDR, as .NET exposes it over ICU: the native name of the
/// region in a culture of that language (<c>new RegionInfo("fr-EE").NativeName</c> is "Estonie"). Chinese asks for the
/// simplified script outright, because ICU takes Chinese in the United States or Britain to be traditional (美國, 英國).
/// No table of countries is kept here; ICU's is the maintained one.
/// </summary>
public static class Countries
{
    private static readonly ConcurrentDictionary<(string Language, string Code), string?> Names = new();

    /// <summary>The name of the ISO 3166 region <paramref name="code"/> in <paramref name="language"/>, or null when ICU has none.</summary>
    public static string? Name(string language, string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Names.GetOrAdd((language, code.ToUpperInvariant()), static key =>
        {
            var locale = key.Language == "zh" ? "zh-Hans" : key.Language;
            try
            {
                var name = new RegionInfo(CultureInfo.GetCultureInfo($"{locale}-{key.Code}").Name).NativeName;
                return string.IsNullOrWhiteSpace(name) || string.Equals(name, key.Code, StringComparison.Ordinal) ? null : name;
            }
            catch (ArgumentException)
            {
                // An unknown culture or region (CultureNotFoundException is an ArgumentException): no name rather than a guess.
                return null;
            }
        });
    }
}
