namespace CoordBot.Domain.Drafts;

/// <summary>
/// Splits a draft into paragraphs so comments and amendments can point at §k. Every line break starts a paragraph
/// (three lines typed on a phone are three paragraphs); blank lines only separate. A text written the older way,
/// with blank lines between paragraphs, keeps its numbers.
/// </summary>
public static class Paragraphs
{
    public static IReadOnlyList<Paragraph> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var paragraphs = new List<Paragraph>();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                paragraphs.Add(new Paragraph(paragraphs.Count + 1, line.Trim()));
            }
        }

        return paragraphs;
    }

    public static Result<Paragraph> Get(string text, int number)
    {
        var paragraphs = Split(text);
        return number >= 1 && number <= paragraphs.Count
            ? Result.Ok(paragraphs[number - 1])
            : Result.Fail<Paragraph>(paragraphs.Count == 0
                ? $"§{number} does not exist: the text is empty"
                : $"§{number} does not exist: the text has paragraphs §1 to §{paragraphs.Count}");
    }
}
