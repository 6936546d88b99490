using System.Text.RegularExpressions;
using CoordBot.Localization;

namespace CoordBot.Tests.Support;

/// <summary>
/// Recognises a message by the catalogue entry it was written from, in any language: a wait keyed on
/// <c>Voting.Reminded</c> in French does not break when the English words change. The English wording keeps its
/// own tests (the contracts); these are for synchronising on what the bot did.
/// </summary>
public static partial class CatalogueText
{
    /// <summary>True when <paramref name="html"/> (a message's text as sent) is <paramref name="key"/> in <paramref name="language"/>, whatever fills its placeholders; plural keys match any of their forms.</summary>
    public static bool Matches(string language, string key, string? html) =>
        html is not null && Patterns(language, key).Any(p => p.IsMatch(WithoutBidiMarks(html)));

    /// <summary>True when <paramref name="html"/> begins with <paramref name="key"/>'s text (a message made of several entries).</summary>
    public static bool StartsWith(string language, string key, string? html) =>
        html is not null && Patterns(language, key, anchoredAtEnd: false).Any(p => p.IsMatch(WithoutBidiMarks(html)));

    /// <summary>True when <paramref name="html"/> holds <paramref name="key"/>'s text anywhere (a message composed of several entries).</summary>
    public static bool Contains(string language, string key, string? html) =>
        html is not null && Patterns(language, key, anchoredAtEnd: false, anchoredAtStart: false).Any(p => p.IsMatch(WithoutBidiMarks(html)));

    /// <summary>
    /// <paramref name="key"/> in <paramref name="language"/> with its placeholders filled, as a reader sees it (the
    /// message's <c>PlainText</c>, markup gone, direction marks removed): to wait for a particular message by what the
    /// catalogue says today, so a rewording still finds it and the test's own assertion shows the difference.
    /// </summary>
    public static string Plain(string language, string key, params object?[] args) =>
        WithoutBidiMarks(CoordBot.BotApi.Internal.TelegramHtml.Parse(Catalogue.Format(language, key, args)).PlainText);

    /// <summary>True when the plain text <paramref name="plainText"/> holds <paramref name="key"/> filled with <paramref name="args"/> (see <see cref="Plain"/>).</summary>
    public static bool HoldsPlain(string? plainText, string language, string key, params object?[] args) =>
        plainText is not null && WithoutBidiMarks(plainText).Contains(Plain(language, key, args), StringComparison.Ordinal);

    /// <summary>
    /// True when <paramref name="plainText"/> (a message's <c>PlainText</c>) begins with the refusal <paramref name="key"/> (a
    /// <c>Reason.*</c> clause) as a reply writes it, a capital first (<c>Reasons.Sentence</c>), whatever fills its placeholders.
    /// </summary>
    public static bool StartsWithRefusal(string language, string key, string? plainText) =>
        plainText is not null && Patterns(language, key, anchoredAtEnd: false, sentence: true).Any(p => p.IsMatch(WithoutBidiMarks(plainText)));

    /// <summary>True when <paramref name="html"/> is the result of a vote (it begins with either heading, substantive or procedural).</summary>
    public static bool IsVoteResult(string language, string? html) =>
        StartsWith(language, "Voting.ResultHeading.Substantive", html) || StartsWith(language, "Voting.ResultHeading.Procedural", html);

    private static IEnumerable<Regex> Patterns(string language, string key, bool anchoredAtEnd = true, bool anchoredAtStart = true, bool sentence = false)
    {
        var entries = Catalogue.Entries(language);
        var forms = entries.Where(e => e.Key == key || (e.Key.StartsWith(key + "_", StringComparison.Ordinal) && !e.Key[(key.Length + 1)..].Contains('.', StringComparison.Ordinal)))
            .Select(e => e.Value)
            .ToList();
        if (forms.Count == 0)
        {
            throw new KeyNotFoundException($"The catalogue has no text {key} in {language}.");
        }

        return forms.Select(template =>
        {
            var text = WithoutBidiMarks(template);
            if (sentence && text.Length > 0)
            {
                text = char.ToUpper(text[0], language == "en" ? System.Globalization.CultureInfo.InvariantCulture : Catalogue.FormatCulture(language)) + text[1..];
            }

            var pattern = Placeholder().Replace(Regex.Escape(text), "(?s:.*?)");
            return new Regex((anchoredAtStart ? "^" : string.Empty) + pattern + (anchoredAtEnd ? "$" : string.Empty), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        });
    }

    /// <summary>Arabic texts carry direction marks and isolates around each argument; they are not words.</summary>
    private static string WithoutBidiMarks(string text) => BidiMarks().Replace(text, string.Empty);

    [GeneratedRegex(@"\\\{\d+(?::[^}]*)?}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("[\u200E\u200F\u061C\u2066-\u2069]")]
    private static partial Regex BidiMarks();
}
