using System.Text.RegularExpressions;
using CoordBot.Localization;

namespace CoordBot.Tests.Localization;

/// <summary>
/// Each language's texts name the council's procedures by the term of its terminology file
/// (<c>src/CoordBot/Localization/Terminology/&lt;language&gt;.tsv</c>): where the English text says "penholder", the
/// Chinese one says 执笔方, in every text (issue 27).
/// </summary>
public sealed class TerminologyTests
{
    public static TheoryData<string> OtherLanguages => new(Languages.All.Where(l => l != Languages.English));

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void Every_text_that_names_a_council_procedure_uses_the_languages_term(string language)
    {
        var terms = Read(language);
        Assert.Equal(["explanation of vote", "in blue", "penholder", "presidential statement", "silence procedure"], terms.Select(t => t.Concept).Order(StringComparer.Ordinal));
        var english = Catalogue.Entries(Languages.English);
        var texts = Catalogue.Entries(language);
        var checkedTexts = 0;
        var wrong = new List<string>();
        foreach (var (concept, term, match) in terms)
        {
            Assert.Matches(new Regex(match, RegexOptions.IgnoreCase), term); // the match finds the term itself
            var inEnglish = new Regex(@"\b" + Regex.Escape(concept).Replace("explanation", "explanations?", StringComparison.Ordinal) + @"\b", RegexOptions.IgnoreCase);
            foreach (var (key, text) in english.Where(e => inEnglish.IsMatch(e.Value)))
            {
                checkedTexts++;
                if (!Regex.IsMatch(texts[key], match, RegexOptions.IgnoreCase))
                {
                    wrong.Add($"{key} ({concept} → {term}): {texts[key]}");
                }
            }
        }

        Assert.True(checkedTexts > 30, $"Only {checkedTexts} texts name a concept: is the English match too narrow?");
        Assert.True(wrong.Count == 0, $"Texts in {language} that do not use the terminology:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void A_text_that_names_a_procedure_in_another_word_would_be_found()
    {
        var penholder = Read("zh").Single(t => t.Concept == "penholder");
        Assert.DoesNotMatch(penholder.Match, "起草国：接受修正案");
        Assert.Matches(penholder.Match, Catalogue.Text("zh", "Command.accept"));
    }

    private static List<(string Concept, string Term, string Match)> Read(string language)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CoordBot.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var lines = File.ReadAllLines(Path.Combine(directory.FullName, "src", "CoordBot", "Localization", "Terminology", language + ".tsv"));
        Assert.Equal("concept\tterm\tmatch\tsource", lines[0]);
        return lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(c =>
        {
            Assert.True(c.Length == 4 && c[3].Length > 0, $"{language}.tsv: every term names its source");
            return (c[0], c[1], c[2]);
        }).ToList();
    }
}
