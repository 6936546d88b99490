namespace CoordBot.Localization;

/// <summary>
/// A catalogue text filled for use inside a longer message that the caller assembles (a line of a list, a clause of
/// a sentence): arguments isolated in a right-to-left language as <see cref="Catalogue.Format"/> does, but no line
/// marks, which belong to the whole message (<see cref="Bidi.Lines"/> once, at the end).
/// </summary>
public static class Fragment
{
    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/>, its placeholders filled (arguments already HTML where it is HTML).</summary>
    public static string Of(string language, string key, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var culture = Catalogue.FormatCulture(language);
        return string.Format(culture, Catalogue.Text(language, key), args.Select(a => (object)Bidi.Isolate(language, Convert.ToString(a, culture) ?? string.Empty)).ToArray());
    }

    /// <summary><see cref="Of"/> in the plural form for <paramref name="count"/> (<c>{0}</c>, written as is), by the language's CLDR category.</summary>
    public static string Plural(string language, string key, long count, params object?[] args) =>
        Of(language, $"{key}_{PluralRules.Category(Languages.IsKnown(language) ? language : Languages.English, count)}", [count, .. args]);
}
