namespace CoordBot.Domain.Drafts;

/// <summary>Splits a draft into paragraphs at blank lines, so comments and amendments can point at §k.</summary>
public static class Paragraphs
{
    public static IReadOnlyList<Paragraph> Split(string text)
    {
        var paragraphs = new List<Paragraph>();
        var current = new List<string>();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                Flush();
            }
            else
            {
                current.Add(line.TrimEnd());
            }
        }

        Flush();
        return paragraphs;

        void Flush()
        {
            if (current.Count > 0)
            {
                paragraphs.Add(new Paragraph(paragraphs.Count + 1, string.Join("\n", current)));
                current.Clear();
            }
        }
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
