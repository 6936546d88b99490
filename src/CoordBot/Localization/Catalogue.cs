using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

[assembly: NeutralResourcesLanguage("en")]

namespace CoordBot.Localization;

/// <summary>
/// The one catalogue of the bot's words: resx files in <c>Localization/</c>, one family per feature area
/// (<c>Texts.resx</c>, <c>Sessions.resx</c>, ...: English, with one <c>.xx.resx</c> per other official language), read
/// through the resx runtime (<see cref="ResourceManager"/>) and merged into one set per language; a key is unique
/// across families (a repeat throws). Families keep each area's words together and its file reviewable. The language is
/// always passed in, never taken from the thread's culture: one update can write to a French adviser and to an
/// Arabic-speaking group. A key missing in a language throws here and fails the catalogue test; it is never
/// quietly answered in English.
/// </summary>
public static class Catalogue
{
    /// <summary>The resx families; a new feature area adds its own name here and its six files.</summary>
    private static readonly string[] Families = ["Texts", "Sessions", "Drafts", "Operations", "Interaction", "Guidance", "Drafting", "Ballots", "Proceedings", "Terms", "Flow", "Documents", "Deadlines", "Committees", "Bodies", "Kinds", "Refusals", "Places", "Buttons2", "Bodies2", "Languages2", "Bodies3", "Calendar", "Walk8"];

    private static readonly ResourceManager[] Resources = [.. Families.Select(f => new ResourceManager($"CoordBot.Localization.{f}", typeof(Catalogue).Assembly))];
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> Sets = new(StringComparer.Ordinal);

    /// <summary>Every entry of one language, exactly as its own file has it (no fallback to English).</summary>
    public static IReadOnlyDictionary<string, string> Entries(string language) => Sets.GetOrAdd(language, static code =>
    {
        var culture = CultureInfo.GetCultureInfo(code);
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Resources.Length; i++)
        {
            // A family not yet translated into a language has no file: its keys are then missing there, which the
            // catalogue test reports; never an English fallback.
            var set = Resources[i].GetResourceSet(culture, createIfNotExists: true, tryParents: false);
            foreach (var entry in set?.Cast<DictionaryEntry>() ?? [])
            {
                if (!entries.TryAdd((string)entry.Key, (string)entry.Value!))
                {
                    throw new InvalidOperationException($"The catalogue key {entry.Key} appears in two families ({Families[i]} and another).");
                }
            }
        }

        return entries.Count > 0 ? entries : throw new InvalidOperationException($"The catalogue has no file for language {code}.");
    });

    /// <summary>The text of <paramref name="key"/> as written (placeholders unfilled).</summary>
    public static string Text(string language, string key) =>
        Entries(Languages.IsKnown(language) ? language : Languages.English).TryGetValue(key, out var text)
            ? text
            : throw new KeyNotFoundException($"The catalogue has no text {key} in {language}.");

    /// <summary>
    /// The text of <paramref name="key"/> with its placeholders filled. Arguments must already be HTML (user text
    /// escaped); in Arabic each is isolated so that ids and numbers keep their order (<see cref="Bidi"/>).
    /// </summary>
    public static string Format(string language, string key, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var culture = FormatCulture(language);
        var filled = args.Select(a => (object)Bidi.Isolate(language, Convert.ToString(a, culture) ?? string.Empty)).ToArray();
        return Bidi.Lines(language, string.Format(culture, Text(language, key), filled));
    }

    /// <summary>
    /// The form of <paramref name="key"/> for <paramref name="count"/> by the language's CLDR plural category
    /// (entries <c>key_one</c>, <c>key_few</c>, ...); <c>{0}</c> is the count, further arguments follow.
    /// </summary>
    public static string Plural(string language, string key, long count, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var category = PluralRules.Category(Languages.IsKnown(language) ? language : Languages.English, count);
        // Counts are grouped as the language writes them ("1 000 000" in French); English keeps its plain digits.
        var written = language == Languages.English ? count.ToString(CultureInfo.InvariantCulture) : count.ToString("#,0", FormatCulture(language));
        return Format(language, $"{key}_{category}", [written, .. args]);
    }

    /// <summary>English keeps the invariant formats the bot always wrote; the others their own culture's.</summary>
    public static CultureInfo FormatCulture(string language) =>
        string.Equals(language, Languages.English, StringComparison.Ordinal) || !Languages.IsKnown(language)
            ? CultureInfo.InvariantCulture
            : Languages.Culture(language);
}
