using CoordBot.Domain.Drafts;

namespace CoordBot.Domain.Tests.Drafts;

public sealed class ParagraphsTests
{
    [Theory]
    [InlineData("", new string[0])]
    [InlineData("One", new[] { "One" })]
    [InlineData("One\nstill one\n\nTwo", new[] { "One\nstill one", "Two" })]
    [InlineData("\n\nOne  \r\n \t \r\nTwo\r\n\r\n\r\nThree\n\n", new[] { "One", "Two", "Three" })]
    public void Paragraphs_are_separated_by_blank_lines(string text, string[] expected)
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
