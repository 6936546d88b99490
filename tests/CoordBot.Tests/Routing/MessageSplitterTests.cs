using CoordBot.Telegram.Rendering;

namespace CoordBot.Tests.Routing;

public sealed class MessageSplitterTests
{
    [Fact]
    public void A_short_text_stays_whole()
    {
        Assert.Equal(["hello"], MessageSplitter.Split("hello"));
    }

    [Fact]
    public void A_long_text_is_split_at_paragraph_boundaries_and_nothing_is_lost()
    {
        var paragraphs = Enumerable.Range(1, 40).Select(i => $"Paragraph {i}: " + new string('x', 300)).ToList();
        var text = string.Join("\n\n", paragraphs);

        var parts = MessageSplitter.Split(text);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(p.Length <= MessageSplitter.TelegramLimit));
        Assert.All(parts, p => Assert.StartsWith("Paragraph ", p, StringComparison.Ordinal));
        Assert.Equal(paragraphs, parts.SelectMany(p => p.Split("\n\n")).ToList());
    }

    [Fact]
    public void A_cut_never_falls_inside_a_tag_or_an_entity()
    {
        var text = string.Concat(Enumerable.Repeat("<b>x</b>&amp;", 1000));

        var parts = MessageSplitter.Split(text, 100);

        Assert.All(parts, p =>
        {
            Assert.True(p.Length <= 100);
            Assert.Equal(p.Count(c => c == '<'), p.Count(c => c == '>'));
            Assert.DoesNotMatch("&[a-z]*$", p);
        });
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_cut_at_a_space()
    {
        var words = string.Join(' ', Enumerable.Repeat("word", 2000));

        var parts = MessageSplitter.Split(words);

        Assert.All(parts, p => Assert.DoesNotContain("wor d", p, StringComparison.Ordinal));
        Assert.Equal(words.Replace(" ", "", StringComparison.Ordinal), string.Concat(parts).Replace(" ", "", StringComparison.Ordinal));
    }
}
