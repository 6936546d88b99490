namespace CoordBot.Localization;

/// <summary>
/// Codes a reader meets as words (the matter of a vote, a format, a role, a rule): English keeps the code itself,
/// which the typed forms take; the other languages read the catalogue's word (<c>Word.&lt;code&gt;</c>).
/// </summary>
public static class CodeWords
{
    /// <summary>The word for <paramref name="code"/> in <paramref name="language"/> (the code itself in English).</summary>
    public static string Word(string language, string code) =>
        language == Languages.English || !Languages.IsKnown(language) ? code : Catalogue.Text(language, "Word." + code);
}
