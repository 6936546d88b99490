using System.Globalization;

namespace CoordBot.Localization;

/// <summary>
/// Lists of names for a reader: sorted by the reader's collation (CLDR's, through the culture's CompareInfo: pinyin
/// in Chinese, the Arabic alphabet in Arabic) and joined as the language joins a list (CLDR's list patterns, in the
/// catalogue: "A, B et C", "A、B和C", "A وB وC"). English keeps the order and separator its replies always had.
/// </summary>
public static class Lists
{
    /// <summary>The names in the order a reader of <paramref name="language"/> looks them up in.</summary>
    public static IReadOnlyList<string> Sorted(string language, IEnumerable<string> names) =>
        [.. names.Order(Comparer(language))];

    /// <summary>How the reader's language orders words (case aside); English as the bot always ordered them.</summary>
    public static StringComparer Comparer(string language) =>
        language == Languages.English || !Languages.IsKnown(language)
            ? StringComparer.OrdinalIgnoreCase
            : StringComparer.Create(Languages.Culture(language), CompareOptions.IgnoreCase);

    /// <summary>
    /// The items (already HTML) joined as the language joins a list, by CLDR's patterns <c>List.Two</c>, <c>List.Start</c>,
    /// <c>List.Middle</c> and <c>List.End</c>; in English by <paramref name="englishSeparator"/>, as its replies always were.
    /// </summary>
    public static string Join(string language, IReadOnlyList<string> items, string englishSeparator = ", ")
    {
        ArgumentNullException.ThrowIfNull(items);

        // Each name that could reorder the list (right-to-left letters, a bidi control) is isolated within it, so that one
        // name cannot move its neighbours; the list as a whole is isolated in its sentence by Catalogue.Format. An ordinary
        // name is left as it is, so English stays character for character; so is a lone name (the list's own isolate is
        // the name's) and a name already isolated.
        if (items.Count > 1)
        {
            items = [.. items.Select(item => Bidi.CouldReorder(item) && !IsIsolated(item) ? Bidi.Isolate(Languages.Arabic, item) : item)];
        }

        if (language == Languages.English || !Languages.IsKnown(language) || items.Count < 2)
        {
            return string.Join(englishSeparator, items);
        }

        if (items.Count == 2)
        {
            return Pattern(language, "List.Two", items[0], items[1]);
        }

        // CLDR: start for the first two, middle for each next, end for the last.
        var tail = Pattern(language, "List.End", items[^2], items[^1]);
        for (var i = items.Count - 3; i >= 1; i--)
        {
            tail = Pattern(language, "List.Middle", items[i], tail);
        }

        return Pattern(language, "List.Start", items[0], tail);
    }

    /// <summary>Sorted, then joined.</summary>
    public static string SortedAndJoined(string language, IEnumerable<string> names, string englishSeparator = ", ") =>
        Join(language, Sorted(language, names), englishSeparator);

    /// <summary>Whether the text is one directional isolate already (FSI, LRI or RLI ... PDI).</summary>
    private static bool IsIsolated(string text) =>
        text.Length >= 2 && text[0] is '\u2066' or '\u2067' or '\u2068' && text[^1] == '\u2069';

    private static string Pattern(string language, string key, string first, string second) =>
        string.Format(CultureInfo.InvariantCulture, Catalogue.Text(language, key), first, second);
}
