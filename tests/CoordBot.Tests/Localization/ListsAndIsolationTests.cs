using CoordBot.Localization;

namespace CoordBot.Tests.Localization;

/// <summary>Names sorted and joined as the reader's language does, and no name able to reorder the sentence around it (issue 27).</summary>
public sealed class ListsAndIsolationTests
{
    [Fact]
    public void Chinese_names_are_sorted_by_pinyin_and_joined_with_the_enumeration_comma()
    {
        var sorted = Lists.Sorted("zh", ["南非", "印度尼西亚", "中国", "比利时"]);

        Assert.Equal(["比利时", "南非", "印度尼西亚", "中国"], sorted); // bǐ, nán, yìn, zhōng
        Assert.Equal("比利时、南非、印度尼西亚和中国", Lists.Join("zh", sorted));
    }

    [Theory]
    [InlineData("en", "Belgium, China, France")]
    [InlineData("fr", "Belgium, China et France")]
    [InlineData("es", "Belgium, China y France")]
    [InlineData("ru", "Belgium, China и France")]
    [InlineData("ar", "Belgium وChina وFrance")]
    public void A_list_is_joined_as_the_language_joins_it_and_English_as_it_always_was(string language, string expected) =>
        Assert.Equal(expected, Lists.Join(language, ["Belgium", "China", "France"]));

    [Fact]
    public void Two_names_take_the_pair_pattern_and_one_stands_alone()
    {
        Assert.Equal("France et Chine", Lists.Join("fr", ["France", "Chine"]));
        Assert.Equal("Chine", Lists.Join("fr", ["Chine"]));
        Assert.Equal("Belgium, China", Lists.Join("en", ["Belgium", "China"]));
    }

    [Fact]
    public void French_sorts_accented_names_where_a_French_reader_looks_for_them()
    {
        Assert.Equal(["Allemagne", "Émirats arabes unis", "Estonie", "France"], Lists.Sorted("fr", ["France", "Estonie", "Émirats arabes unis", "Allemagne"]));
    }

    [Fact]
    public void A_name_that_could_reorder_the_sentence_is_isolated_in_every_language_and_an_ordinary_one_changes_nothing_in_English()
    {
        var overriding = "Eve\u202E";
        var english = Catalogue.Format("en", "Lifecycle.Unblocked", overriding, "adviser", "Estonia");
        Assert.StartsWith("\u2068Eve\u202E\u2069 (adviser, Estonia) has unblocked the bot", english, StringComparison.Ordinal);

        var arabicName = Catalogue.Format("fr", "Lifecycle.Unblocked", "محمد", "conseiller", "Estonie");
        Assert.StartsWith("\u2068محمد\u2069 (conseiller, Estonie)", arabicName, StringComparison.Ordinal);

        Assert.Equal("Kadri (adviser, Estonia) has unblocked the bot: my messages reach them again.", Catalogue.Format("en", "Lifecycle.Unblocked", "Kadri", "adviser", "Estonia"));
        Assert.False(Bidi.CouldReorder("Kadri Männik"));
        Assert.True(Bidi.CouldReorder("שלום"));
        Assert.True(Bidi.CouldReorder("a\u2067b"));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    [InlineData("ar")]
    public void A_name_that_could_reorder_a_list_is_isolated_within_it_and_ordinary_names_are_not(string language)
    {
        var joined = Lists.Join(language, ["Estonia", "Eve\u202E", "محمد", "France"]);

        Assert.Contains("\u2068Eve\u202E\u2069", joined, StringComparison.Ordinal);
        Assert.Contains("\u2068محمد\u2069", joined, StringComparison.Ordinal);
        Assert.DoesNotContain("\u2068Estonia", joined, StringComparison.Ordinal);
        Assert.Equal("Estonia, France", Lists.Join("en", ["Estonia", "France"]));
    }
}
