using System.Globalization;
using System.Text;

namespace CoordBot.Domain.Input;

/// <summary>
/// How one language names dates, for <see cref="DateWords"/>: its month and weekday names, its words for today,
/// tomorrow and the day after, the small words people put around a date ("le", "de", "в", "يوم"), the order of a
/// numeric date (3/12 is 3 December in French) and the marks of a compact date (12月3日). The host fills it
/// from CLDR (the culture's data); the domain only compares. Every word is kept as <see cref="Normalize"/> writes it.
/// </summary>
public sealed record DateNames
{
    /// <summary>Month names, full, abbreviated and in the genitive (декабря), each to its month (1 to 12).</summary>
    public required IReadOnlyDictionary<string, int> Months { get; init; }

    /// <summary>Weekday names, full and abbreviated.</summary>
    public required IReadOnlyDictionary<string, DayOfWeek> Days { get; init; }

    /// <summary>Words or phrases (words joined by one space) for a day relative to today: 0 today, 1 tomorrow, 2 the day after.</summary>
    public required IReadOnlyDictionary<string, int> Relative { get; init; }

    /// <summary>Words skipped around a date: articles, "next", "of" (le vendredi, 3 de diciembre, в пятницу, يوم الجمعة).</summary>
    public IReadOnlySet<string> Fillers { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>3/12 is the 3rd of December (true) or the 12th of March (false) in this language.</summary>
    public bool DayFirst { get; init; } = true;

    /// <summary>Whether a name may be shortened (vend, miérc) or inflected in its last letter (пятницу, среду).</summary>
    public bool Inflects { get; init; } = true;

    /// <summary>The marks of a compact date written without spaces: 2026年12月3日 (null when the language has none).</summary>
    public string? YearMark { get; init; }

    public string? MonthMark { get; init; }

    public IReadOnlyList<string> DayMarks { get; init; } = [];

    /// <summary>
    /// A word as the tables keep it: lower case, accents and Arabic vowel marks dropped (é → e, غدًا → غدا,
    /// أ → ا), ة as ه and ى as ي (both are typed either way), native digits in ASCII, the curly apostrophe straight,
    /// no trailing full stop or comma.
    /// </summary>
    public static string Normalize(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var decomposed = NativeDigits.ToAscii(word).Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c == '\u0640')
            {
                continue; // accents, Arabic harakat and tatweel
            }

            builder.Append(c switch
            {
                '\u0629' => '\u0647', // ة → ه
                '\u0649' => '\u064A', // ى → ي
                '\u2019' or '\u02BC' => '\'',
                _ => c,
            });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC).TrimEnd('.', ',', '،');
    }
}
