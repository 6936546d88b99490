namespace CoordBot.Localization;

/// <summary>
/// CLDR plural categories of the six languages for whole numbers (CLDR 46, plurals.xml). .NET carries no
/// plural rules of its own, and six short rules read better than a package: each is a transcription of the
/// CLDR rule, and the tests check every category of every language.
/// </summary>
public static class PluralRules
{
    public const string Zero = "zero";
    public const string One = "one";
    public const string Two = "two";
    public const string Few = "few";
    public const string Many = "many";
    public const string Other = "other";

    /// <summary>The categories a language distinguishes; a plural text in the catalogue has one form for each.</summary>
    public static IReadOnlyList<string> Categories(string language) => language switch
    {
        "en" => [One, Other],
        "fr" or "es" => [One, Many, Other],
        "ru" => [One, Few, Many, Other],
        "zh" => [Other],
        "ar" => [Zero, One, Two, Few, Many, Other],
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Not one of the six languages"),
    };

    /// <summary>The category of the whole number <paramref name="n"/> in <paramref name="language"/>.</summary>
    public static string Category(string language, long n)
    {
        var i = Math.Abs(n);
        return language switch
        {
            "en" => i == 1 ? One : Other,
            // fr: one is i = 0,1; many is e = 0 and i != 0 and i % 1000000 = 0 ("1 000 000 de projets").
            "fr" => i is 0 or 1 ? One : IsMillions(i) ? Many : Other,
            // es: one is n = 1; many as French.
            "es" => i == 1 ? One : IsMillions(i) ? Many : Other,
            // ru: one is v = 0 and i % 10 = 1 and i % 100 != 11; few is i % 10 = 2..4 and i % 100 != 12..14; many the other integers.
            "ru" => (i % 10, i % 100) switch
            {
                (1, not 11) => One,
                ( >= 2 and <= 4, not (>= 12 and <= 14)) => Few,
                _ => Many,
            },
            "zh" => Other,
            // ar: zero 0, one 1, two 2, few n % 100 = 3..10, many n % 100 = 11..99.
            "ar" => i switch
            {
                0 => Zero,
                1 => One,
                2 => Two,
                _ when i % 100 is >= 3 and <= 10 => Few,
                _ when i % 100 is >= 11 and <= 99 => Many,
                _ => Other,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Not one of the six languages"),
        };
    }

    private static bool IsMillions(long i) => i != 0 && i % 1_000_000 == 0;
}
