using System.Collections.Concurrent;
using System.Globalization;

namespace CoordBot.Localization;

/// <summary>
/// The six official languages of the United Nations, by their ISO 639-1 codes. Everything the bot writes is in
/// one of them; which one is the reader's choice (<c>/language</c>), else the closest to Telegram's
/// <c>language_code</c>, else English.
/// </summary>
public static class Languages
{
    public const string English = "en";

    public const string Arabic = "ar";

    /// <summary>In the UN's order of the official languages as the Charter lists them after English.</summary>
    public static readonly IReadOnlyList<string> All = ["en", "fr", "es", "ru", "zh", "ar"];

    private static readonly ConcurrentDictionary<string, CultureInfo> Cultures = new(StringComparer.Ordinal);

    // The words /language accepts besides the codes: each language's own name, and its English name.
    private static readonly Dictionary<string, string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["english"] = "en",
        ["français"] = "fr",
        ["francais"] = "fr",
        ["french"] = "fr",
        ["español"] = "es",
        ["espanol"] = "es",
        ["spanish"] = "es",
        ["русский"] = "ru",
        ["russian"] = "ru",
        ["中文"] = "zh",
        ["chinese"] = "zh",
        ["العربية"] = "ar",
        ["arabic"] = "ar",
    };

    /// <summary>The longest language tag kept (Telegram's are short: "en", "pt-br", "zh-hans").</summary>
    public const int MaxTagLength = 16;

    /// <summary>
    /// The one rule for the language a person reads, wherever it is asked (a reply, a notice, a ballot, an apology):
    /// the official language they chose with /language, else the closest to the last <c>language_code</c> Telegram
    /// sent with their updates, else English.
    /// </summary>
    public static string OfPerson(string? chosen, string? telegramLanguage) =>
        IsKnown(chosen) ? chosen! : Closest(telegramLanguage);

    /// <summary>A language_code as it is kept: trimmed and cut to <see cref="MaxTagLength"/>; null when blank.</summary>
    public static string? Tag(string? languageCode)
    {
        var tag = languageCode?.Trim();
        return string.IsNullOrEmpty(tag) ? null : tag.Length > MaxTagLength ? tag[..MaxTagLength] : tag;
    }

    public static bool IsKnown(string? language) => language is not null && All.Contains(language, StringComparer.Ordinal);

    /// <summary>The closest of the six to a Telegram <c>language_code</c> (an IETF tag such as "fr-CA" or "zh-hans"); English when none is close.</summary>
    public static string Closest(string? languageCode)
    {
        if (string.IsNullOrWhiteSpace(languageCode))
        {
            return English;
        }

        var primary = languageCode.Trim().Split('-', '_')[0].ToLowerInvariant();
        return IsKnown(primary) ? primary : English;
    }

    /// <summary>A language as typed after <c>/language</c>: a code (any case, a region allowed) or the language's name; null when it is none of the six.</summary>
    public static string? Parse(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var trimmed = word.Trim();
        if (Words.TryGetValue(trimmed, out var named))
        {
            return named;
        }

        var primary = trimmed.Split('-', '_')[0].ToLowerInvariant();
        return IsKnown(primary) ? primary : null;
    }

    /// <summary>Each language's name in itself, for the buttons of <c>/language</c>.</summary>
    public static string NativeName(string language) => language switch
    {
        "en" => "English",
        "fr" => "Français",
        "es" => "Español",
        "ru" => "Русский",
        "zh" => "中文",
        "ar" => "العربية",
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Not one of the six languages"),
    };

    /// <summary>The culture whose data (month and day names, number format) writes this language; needs ICU (see docs/localisation.md).</summary>
    public static CultureInfo Culture(string language) =>
        Cultures.GetOrAdd(IsKnown(language) ? language : English, static code => CultureInfo.GetCultureInfo(code));

    /// <summary>
    /// The process formats as it did under invariant globalization, whatever the machine's locale: only a text
    /// for a reader picks a culture, explicitly (<see cref="Catalogue.FormatCulture"/>).
    /// </summary>
    public static void UseInvariantProcessCulture()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }

    public static bool IsRightToLeft(string language) => string.Equals(language, Arabic, StringComparison.Ordinal);
}
