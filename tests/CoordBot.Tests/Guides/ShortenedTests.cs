using CoordBot.Telegram.Rendering;

namespace CoordBot.Tests.Guides;

public sealed class ShortenedTests
{
    [Fact]
    public void A_short_text_is_kept_and_a_long_one_is_cut_with_an_ellipsis_within_the_limit()
    {
        Assert.Equal("Briefing", Shortened.To("Briefing", 24));
        Assert.Equal("Press statement on cyber securi…", Shortened.To("Press statement on cyber security", 32));
    }

    [Fact]
    public void A_cut_never_falls_inside_an_emoji_or_a_letter_with_its_accent()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", 20)); // two UTF-16 units each
        var cut = Shortened.To(emoji, 24);
        Assert.Equal(string.Concat(Enumerable.Repeat("😀", 11)) + "…", cut);
        Assert.False(char.IsHighSurrogate(cut[^2]), "the cut left half of an emoji");

        var accents = string.Concat(Enumerable.Repeat("e\u0301", 10)); // é as e + combining accent
        Assert.Equal(string.Concat(Enumerable.Repeat("e\u0301", 3)) + "…", Shortened.To(accents, 8));
    }
}
