using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CoordBot.Tests.Localization;

/// <summary>
/// A structural check beside the council-day walks (issue 26 item 3, issue 27 item 2): no code that sends a reader a
/// message, a toast or an edit hands it English words of its own; the words come from the catalogue (a key) and the
/// arguments are facts. The sandbox page's own texts are English by design and are not sent through Telegram.
/// The source is parsed (Roslyn), so a call spread over several lines is read as one call.
/// </summary>
public sealed partial class NoEnglishInCodeTests
{
    private static readonly HashSet<string> SendMethods = new(StringComparer.Ordinal) { "Reply", "Send", "SendDocument", "Toast", "Answer", "Edit" };

    private static readonly CSharpParseOptions Options = new(LanguageVersion.Preview);

    [Fact]
    public void No_send_path_is_given_English_words_written_in_code()
    {
        var source = Path.Combine(Root(), "src", "CoordBot");
        var files = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}Sandbox{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 100, $"Only {files.Count} source files under {source}: the walk is looking in the wrong place.");
        var found = files
            .SelectMany(path => EnglishSent(File.ReadAllText(path)).Select(hit => $"{Path.GetRelativePath(source, path)}:{hit}"))
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
    // A call over several lines: the line-by-line reading saw no send call beside the words.
    [InlineData("context.Reply(\n    \"That is not a date.\");", true)]
    [InlineData("outbox.Send(\n    head,\n    $\"The bot was removed from {title}\",\n    buttons);", true)]
    [InlineData("context.Update.Reply(\n    string.Join(\"\\n\",\n        lines.Select(l => l + \" and more\")));", true)]
    [InlineData("context?.Reply(\n    @\"Nothing to show\");", true)]
    [InlineData("context.Reply(\n    \"\"\"\n    Nothing to show\n    \"\"\");", true)]
    [InlineData("context.Reply(\n    Catalogue.Format(\n        language,\n        \"Lifecycle.GroupRemoved\",\n        title));", false)]
    // English that never reaches a send call is not this check's business (a log line, a key beside a call).
    [InlineData("logger.LogWarning(\"Delivery of {Id} failed\", id);\ncontext.Reply(context.Text(\"Sessions.Note\"));", false)]
    public void The_check_tells_English_in_code_from_a_catalogue_key(string code, bool english) =>
        Assert.Equal(english, EnglishSent($"class C {{ void M() {{ {code} }} }}").Count > 0);

    [Fact]
    public void The_check_names_the_line_where_the_English_is_written()
    {
        var hits = EnglishSent("class C\n{\n    void M()\n    {\n        outbox.Send(\n            head,\n            \"The bot was removed from the group\");\n    }\n}\n");

        Assert.Equal("7: \"The bot was removed from the group\"", Assert.Single(hits));
    }

    /// <summary>
    /// The English literals handed to a send call in <paramref name="code"/>, each as "line: literal": every string
    /// literal (plain, verbatim, raw) and interpolated string among the call's arguments, an interpolated string's holes
    /// being code, not words.
    /// </summary>
    private static List<string> EnglishSent(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code, Options).GetRoot();
        return root.DescendantNodes()
            .OfType<InvocationExpressionSyntax>()
            .Where(call => SendMethods.Contains(NameOf(call.Expression)))
            .SelectMany(call => call.ArgumentList.Arguments.SelectMany(a => Words(a.Expression)))
            .Where(literal => EnglishLiteral().IsMatch(Text(literal)))
            .Distinct()
            .Select(literal => $"{literal.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: {Shorten(literal.ToString())}")
            .ToList();
    }

    private static IEnumerable<ExpressionSyntax> Words(ExpressionSyntax argument) =>
        argument.DescendantNodesAndSelf()
            .Where(n => n is InterpolatedStringExpressionSyntax || (n is LiteralExpressionSyntax l && l.IsKind(SyntaxKind.StringLiteralExpression)))
            .Cast<ExpressionSyntax>();

    // An interpolated string's holes become "{}": they are code (a literal inside a hole is found on its own).
    private static string Text(ExpressionSyntax literal) => literal switch
    {
        InterpolatedStringExpressionSyntax interpolated => string.Concat(interpolated.Contents.Select(c => c is InterpolatedStringTextSyntax t ? t.TextToken.ValueText : "{}")),
        LiteralExpressionSyntax plain => plain.Token.ValueText,
        _ => string.Empty,
    };

    private static string NameOf(ExpressionSyntax invoked) => invoked switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => string.Empty,
    };

    private static string Shorten(string text)
    {
        var line = Regex.Replace(text, @"\s+", " ");
        return line.Length <= 120 ? line : line[..117] + "...";
    }

    /// <summary>Two words of Latin letters in a row: a key has no space.</summary>
    [GeneratedRegex(@"\b[A-Za-z]{2,} [a-z]{2,}\b")]
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
