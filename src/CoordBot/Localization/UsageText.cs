using System.Text.RegularExpressions;

namespace CoordBot.Localization;

/// <summary>
/// A command's usage line for a reader: the command and its ids stay as typed; each placeholder (<c>&lt;title&gt;</c>,
/// <c>[page]</c>, <c>&lt;yyyy-mm-dd&gt;</c>) is named in the reader's language (<c>Arg.*</c>), and each word to type
/// from a list (<c>&lt;head|deputy|…&gt;</c>, <c>&lt;yes|no|abstain&gt;</c>) is written as the reader may type it there
/// (the parsers accept those words). English is the declaration itself.
/// </summary>
public static partial class UsageText
{
    /// <summary>The usage line <paramref name="usage"/> in <paramref name="language"/> (plain text, not yet escaped).</summary>
    public static string In(string language, string usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        if (language == Languages.English || !Languages.IsKnown(language))
        {
            return usage;
        }

        var entries = Catalogue.Entries(language);
        foreach (var (english, key) in Phrases)
        {
            usage = usage.Replace(english, entries[key], StringComparison.Ordinal);
        }

        return Bracketed().Replace(usage, bracket => bracket.Value[0] + Token().Replace(bracket.Groups[1].Value, token => Word(language, token.Value) ?? token.Value) + bracket.Value[^1]);
    }

    /// <summary>The prose some usage lines carry after their arguments, as a whole.</summary>
    private static readonly (string English, string Key)[] Phrases =
    [
        (", then the text after a line break (or send a .txt, .md, .docx or .pdf document with this as its caption)", "Arg.ThenText"),
        (", then the new text after a line break (or as a .txt, .md, .docx or .pdf document with this as its caption)", "Arg.ThenNewText"),
    ];

    /// <summary>The placeholder's name, or the word to type (an agenda status as the catalogue writes it when that is one word).</summary>
    private static string? Word(string language, string token) =>
        Catalogue.Entries(language).TryGetValue("Arg." + token.Replace(' ', '_'), out var word) ? word
        : token is "proposed" or "adopted" or "discussing" or "concluded" or "deferred"
          && Catalogue.Text(language, "Status." + char.ToUpperInvariant(token[0]) + token[1..]) is var status && !status.Contains(' ', StringComparison.Ordinal) ? status
        : null;

    /// <summary>An innermost &lt;…&gt; or […].</summary>
    [GeneratedRegex(@"[<\[]([^<>\[\]]+)[>\]]")]
    private static partial Regex Bracketed();

    /// <summary>A word or phrase between the separators of a list (| and ,), without a trailing "...".</summary>
    [GeneratedRegex(@"[^|,.]+")]
    private static partial Regex Token();
}
