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

    [Fact]
    public void A_cut_never_falls_between_the_halves_of_a_surrogate_pair()
    {
        var text = "x" + string.Concat(Enumerable.Repeat("😀", 6_000));

        var parts = MessageSplitter.Split(text);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.False(char.IsLowSurrogate(p[0]) || char.IsHighSurrogate(p[^1])));
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void A_cut_inside_a_tag_closes_it_and_opens_it_again_in_the_next_part()
    {
        var html = "<b>Header</b> <u>" + string.Concat(Enumerable.Repeat("&amp;", 2_000)) + "</u> end";

        var parts = MessageSplitter.Split(html);

        Assert.True(parts.Count > 2);
        Assert.All(parts.Take(parts.Count - 1), p => Assert.EndsWith("</u>", p, StringComparison.Ordinal));
        Assert.All(parts.Skip(1), p => Assert.StartsWith("<u>&amp;", p, StringComparison.Ordinal));
        Assert.All(parts, p => Assert.True(p.Length <= MessageSplitter.TelegramLimit));
        Assert.Equal(2_000, parts.Sum(p => (p.Length - p.Replace("&amp;", "", StringComparison.Ordinal).Length) / 5));
    }
}
