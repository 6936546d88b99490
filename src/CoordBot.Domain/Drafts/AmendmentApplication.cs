namespace CoordBot.Domain.Drafts;

/// <summary>
/// An accepted amendment as the text rule sees it: <paramref name="Paragraph"/> is replaced by <paramref name="Text"/>,
/// or, when <paramref name="InsertsAfter"/>, the text goes in as new paragraph(s) after it (§0: at the start).
/// Without a paragraph the amendment does not say where it goes.
/// </summary>
public sealed record ProposedAmendment(string Label, int? Paragraph, bool InsertsAfter, string Text);

/// <summary>Two or more amendments that replace the same paragraph: the penholder takes one.</summary>
public sealed record AmendmentConflict(int Paragraph, IReadOnlyList<ProposedAmendment> Amendments);

public enum UnplacedReason
{
    /// <summary>The amendment names no paragraph: the penholder works it in by revising.</summary>
    NoParagraph,

    /// <summary>The paragraph it names is not in the text.</summary>
    BeyondText,
}

public sealed record UnplacedAmendment(string Label, UnplacedReason Reason);

/// <summary>
/// The next text with the amendments that could be applied, those it carries (<see cref="Applied"/>), and those left
/// out with their reasons: conflicting replacements wait for the penholder's choice; unplaced ones say why.
/// </summary>
public sealed record AmendedText(string Text, IReadOnlyList<string> Applied, IReadOnlyList<AmendmentConflict> Conflicts, IReadOnlyList<UnplacedAmendment> Unplaced)
{
    /// <summary>Every amendment given went in, with no choice left to make.</summary>
    public bool IsComplete => Conflicts.Count == 0 && Unplaced.Count == 0;
}

/// <summary>
/// Applies accepted amendments to the version they were proposed on (their paragraph numbers are that version's).
/// The text around them is kept as written, line breaks and blank lines included, so the diff shows only the amendments.
/// </summary>
public static class AmendmentApplication
{
    public static AmendedText Apply(string text, IReadOnlyList<ProposedAmendment> amendments)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(amendments);
        var count = Paragraphs.Split(text).Count;
        var unplaced = new List<UnplacedAmendment>();
        var placed = new List<ProposedAmendment>();
        foreach (var amendment in amendments)
        {
            if (amendment.Paragraph is not { } k)
            {
                unplaced.Add(new(amendment.Label, UnplacedReason.NoParagraph));
            }
            else if (k > count || k < (amendment.InsertsAfter ? 0 : 1) || Lines(amendment.Text).Count == 0)
            {
                unplaced.Add(new(amendment.Label, UnplacedReason.BeyondText));
            }
            else
            {
                placed.Add(amendment);
            }
        }

        var conflicts = placed.Where(a => !a.InsertsAfter)
            .GroupBy(a => a.Paragraph!.Value)
            .Where(g => g.Count() > 1)
            .Select(g => new AmendmentConflict(g.Key, [.. g]))
            .OrderBy(c => c.Paragraph)
            .ToList();
        var waiting = conflicts.SelectMany(c => c.Amendments).ToHashSet();
        var applied = placed.Where(a => !waiting.Contains(a)).ToList();

        return new AmendedText(Rewrite(text, applied), [.. applied.Select(a => a.Label)], conflicts, unplaced);
    }

    private static string Rewrite(string text, List<ProposedAmendment> applied)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        // A text that separates its paragraphs by blank lines gets its new paragraphs separated the same way.
        var blankSeparated = lines.SkipWhile(string.IsNullOrWhiteSpace).Reverse().SkipWhile(string.IsNullOrWhiteSpace).Any(string.IsNullOrWhiteSpace);
        var separator = blankSeparated ? "\n\n" : "\n";
        var output = new List<string>();
        var number = 0;
        Insertions(0, first: true);
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                output.Add(line);
                continue;
            }

            number++;
            var replacement = applied.FirstOrDefault(a => !a.InsertsAfter && a.Paragraph == number);
            output.Add(replacement is null ? line : string.Join(separator, Lines(replacement.Text)));
            Insertions(number, first: false);
        }

        return string.Join("\n", output);

        void Insertions(int after, bool first)
        {
            foreach (var insertion in applied.Where(a => a.InsertsAfter && a.Paragraph == after))
            {
                var added = string.Join(separator, Lines(insertion.Text));
                output.Add(first ? added + (blankSeparated ? "\n" : string.Empty) : (blankSeparated ? "\n" : string.Empty) + added);
            }
        }
    }

    private static List<string> Lines(string text) =>
        [.. text.ReplaceLineEndings("\n").Split('\n').Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim())];
}
