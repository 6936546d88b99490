using System.Text.RegularExpressions;

namespace CoordBot.Tests.Localization;

/// <summary>
/// A structural check beside the council-day walks (issue 26 item 3, issue 27 item 2): no code that sends a reader a
/// message, a toast or an edit hands it English words of its own; the words come from the catalogue (a key) and the
/// arguments are facts. The sandbox page's own texts are English by design and are not sent through Telegram.
/// </summary>
public sealed partial class NoEnglishInCodeTests
{
    [Fact]
    public void No_send_path_is_given_English_words_written_in_code()
    {
        var source = Path.Combine(Root(), "src", "CoordBot");
        var found = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}Sandbox{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => File.ReadLines(path).Select((line, i) => (path, line, number: i + 1)))
            .Where(l => !l.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && SendsEnglish(l.line))
            .Select(l => $"{Path.GetRelativePath(source, l.path)}:{l.number}: {l.line.Trim()}")
            .ToList();

        Assert.True(found.Count == 0, "English written in code and sent to a reader (use a catalogue key):\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("context.Reply(\"That is not a date.\");", true)]
    [InlineData("context.Update.Reply($\"{label} is closed now\", buttons);", true)]
    [InlineData("outbox.Send(head, \"The bot was removed from the group\");", true)]
    [InlineData("context.Reply(context.Text(\"Sessions.Note\", Html.Escape(note)));", false)]
    [InlineData("context.Update.Reply($\"{Headline(session, language)}\\n{await PageAsync(db, language, cancellationToken)}\", buttons);", false)]
    [InlineData("outbox.Send(head, Catalogue.Format(language, \"Lifecycle.GroupRemoved\", title, name));", false)]
    public void The_check_tells_English_in_code_from_a_catalogue_key(string line, bool english) => Assert.Equal(english, SendsEnglish(line));

    /// <summary>A send call with an English literal on the line; an interpolated string's holes are code, not words.</summary>
    private static bool SendsEnglish(string line) => SendCall().IsMatch(line) && EnglishLiteral().IsMatch(Hole().Replace(Hole().Replace(line, "{}"), "{}"));

    [GeneratedRegex(@"\{[^{}""]+\}")]
    private static partial Regex Hole();

    [GeneratedRegex(@"\b(Reply|Send|SendDocument|Toast|Answer|Edit)\(")]
    private static partial Regex SendCall();

    /// <summary>A string literal (plain or interpolated) holding two words of Latin letters in a row: a key has no space.</summary>
    [GeneratedRegex("\\$?\"[^\"]*\\b[A-Za-z]{2,} [a-z]{2,}\\b[^\"]*\"")]
    private static partial Regex EnglishLiteral();

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CoordBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository's root (CoordBot.sln) was not found.");
    }
}
