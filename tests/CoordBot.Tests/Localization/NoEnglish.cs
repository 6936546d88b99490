using System.Text.RegularExpressions;
using CoordBot.BotApi;
using CoordBot.Localization;

namespace CoordBot.Tests.Localization;

/// <summary>
/// Finds English a reader of another language should not meet: the Latin words of a text that are not their own
/// catalogue's (a brand, an abbreviation it writes), user content, commands, ids (D1, S1, A1, M1, v1, U5), codes
/// (CHN, and the language codes /language takes), hashes, zone names or person names (User7003).
/// </summary>
internal static partial class NoEnglish
{
    /// <summary>Each message and button in <paramref name="chat"/> with the English words it holds, one line each.</summary>
    public static IReadOnlyList<string> In(BotApiEmulator emulator, long chat, string language, IEnumerable<string> userContent)
    {
        var allowed = userContent.ToList();
        var own = CatalogueWords(language);
        var leaks = new List<string>();
        foreach (var message in emulator.MessagesIn(chat))
        {
            foreach (var shown in new[] { message.PlainText ?? message.Caption ?? string.Empty }.Concat(message.Buttons.Select(b => b.Text)))
            {
                var rest = allowed.Aggregate(shown, (text, content) => text.Replace(content, " ", StringComparison.Ordinal));
                var english = Latin().Matches(Ids().Replace(rest, " ")).Select(m => m.Value).Where(w => !own.Contains(w)).Distinct().ToList();
                if (english.Count > 0)
                {
                    leaks.Add($"[{language}] {string.Join(" ", english)} ← {shown}");
                }
            }
        }

        return leaks.Distinct().ToList();
    }

    private static HashSet<string> CatalogueWords(string language) =>
        Catalogue.Entries(language).Values
            .SelectMany(v => Latin().Matches(Ids().Replace(Regex.Replace(v, "<[^>]+>|\\{\\d+\\}|&[a-z]+;", " "), " ")).Select(m => m.Value))
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Latin();

    // Ids and codes are bounded by what is not a Latin letter or digit, not by \b: a code written against Chinese ("RUS搁置") is still a code.
    [GeneratedRegex(@"/[a-z_]+(@\w+)?|(?<![A-Za-z0-9])([DSAMU]\d+|v\d+|[A-Z]{3})(?![A-Za-z0-9])|\b[0-9a-f]{6,}\b|\b[A-Za-z_]+/[A-Za-z_]+\b|\bUser\d+\b|https?://\S+|\bt\.me/\S+|\b(en|fr|es|ru|zh|ar)\b")]
    private static partial Regex Ids();
}
