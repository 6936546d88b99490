using CoordBot.Domain.Drafts;

namespace CoordBot.Domain.Tests.Drafts;

public sealed class ParagraphsTests
{
    [Theory]
    [InlineData("", new string[0])]
    [InlineData("One", new[] { "One" })]
    [InlineData("One\nTwo\nThree", new[] { "One", "Two", "Three" })]
    [InlineData("One\nTwo\n\nThree", new[] { "One", "Two", "Three" })]
    [InlineData("\n\nOne  \r\n \t \r\nTwo\r\n\r\n\r\nThree\n\n", new[] { "One", "Two", "Three" })]
    public void Every_line_is_a_paragraph_and_blank_lines_only_separate(string text, string[] expected)
    {
        var paragraphs = Paragraphs.Split(text);

        Assert.Equal(expected, paragraphs.Select(p => p.Text));
        Assert.Equal(Enumerable.Range(1, expected.Length), paragraphs.Select(p => p.Number));
    }

    [Theory]
    [InlineData(2, "Two")]
    [InlineData(0, "§0 does not exist: the text has paragraphs §1 to §3")]
    [InlineData(4, "§4 does not exist: the text has paragraphs §1 to §3")]
    public void A_paragraph_is_found_by_its_number(int number, string expected)
    {
        var result = Paragraphs.Get("One\n\nTwo\n\nThree", number);

        Assert.Equal(expected, result.IsSuccess ? result.Value.Text : result.Error);
    }
}
