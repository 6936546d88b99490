using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace CoordBot.Localization;

/// <summary>
/// The pure domain gives its refusals as English clauses ("only an operator can ..."), since it knows no reader.
/// Each clause the domain can write has an entry <c>Reason.*</c> in the catalogue whose English text is the
/// clause itself, a <c>{0}</c> standing for the part the domain fills in (a delegation code): matching the
/// English text finds the entry, and the reader's language words it. A clause with no entry stays English.
/// </summary>
public static class Reasons
{
    private const string Prefix = "Reason.";

    private static readonly Lazy<FrozenDictionary<string, Regex>> Patterns = new(() => Catalogue.Entries(Languages.English)
        .Where(e => e.Key.StartsWith(Prefix, StringComparison.Ordinal))
        .ToFrozenDictionary(
            e => e.Key,
            e => new Regex("^" + Regex.Escape(e.Value).Replace(@"\{0}", "(.+?)", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)),
            StringComparer.Ordinal));

    /// <summary>The domain's clause in <paramref name="language"/> (the same clause in English, or when no entry matches).</summary>
    public static string Translate(string language, string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (!Languages.IsKnown(language) || language == Languages.English)
        {
            return reason;
        }

        foreach (var (key, pattern) in Patterns.Value)
        {
            var match = pattern.Match(reason);
            if (match.Success)
            {
                return Catalogue.Format(language, key, match.Groups.Values.Skip(1).Select(g => (object?)g.Value).ToArray());
            }
        }

        return reason;
    }

    /// <summary>A clause as a reply: a capital first, a full stop last (the ideographic one in Chinese).</summary>
    public static string Sentence(string language, string clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        if (clause.Length == 0)
        {
            return clause;
        }

        var stop = language == "zh" ? "。" : ".";
        var ends = clause.EndsWith('.') || clause.EndsWith('。');
        return char.ToUpper(clause[0], Catalogue.FormatCulture(language)) + clause[1..] + (ends ? string.Empty : stop);
    }
}
