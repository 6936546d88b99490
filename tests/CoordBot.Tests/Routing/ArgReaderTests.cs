using CoordBot.Telegram.Routing;

namespace CoordBot.Tests.Routing;

public sealed class ArgReaderTests
{
    private static ArgReader Read(string arguments) => new(CommandParser.Parse($"/x {arguments}")!);

    [Theory]
    [InlineData("D3", 3)]
    [InlineData("d3", 3)]
    [InlineData("3", 3)]
    public void An_id_is_read_with_or_without_its_prefix(string word, long expected)
    {
        var args = Read(word);

        Assert.Equal(expected, args.Id('D'));
        Assert.False(args.Failed);
    }

    [Theory]
    [InlineData("S3")]
    [InlineData("D0")]
    [InlineData("D")]
    [InlineData("three")]
    public void A_wrong_id_fails_the_parse(string word)
    {
        var args = Read(word);

        args.Id('D');

        Assert.True(args.Failed);
    }

    [Fact]
    public void A_loop_over_optional_words_ends_at_the_first_word_it_does_not_understand()
    {
        // /vote_open reads its optional words in any order; a failed read must not leave the word to read for ever.
        var args = Read("D3 procedural nonsense 24h");
        args.Id('D');
        var seen = new List<string>();
        while (args.HasMore)
        {
            var word = args.Text();
            seen.Add(word);
            if (word != "procedural")
            {
                args.Fail();
            }
        }

        Assert.Equal(["procedural", "nonsense"], seen);
        Assert.True(args.Failed);
    }

    [Fact]
    public void A_missing_argument_fails_the_parse()
    {
        var args = new ArgReader(CommandParser.Parse("/x")!);

        args.Id('D');

        Assert.True(args.Failed);
    }

    [Fact]
    public void Words_left_over_fail_the_parse()
    {
        var args = Read("D3 extra");

        args.Id('D');

        Assert.True(args.Failed);
    }

    [Fact]
    public void Free_text_keeps_its_spacing_and_markup()
    {
        var args = Read("S4   Climate <b>and</b>  security");

        Assert.Equal(4, args.Id('S'));
        Assert.Equal("Climate <b>and</b>  security", args.Rest());
        Assert.False(args.Failed);
    }

    [Fact]
    public void An_optional_id_before_a_title_needs_its_prefix_so_a_title_may_start_with_a_number()
    {
        var numbered = Read("2020 review");
        var item = Read("A2 2020 review");

        Assert.Null(numbered.OptionalPrefixedId('A'));
        Assert.Equal("2020 review", numbered.Rest());
        Assert.Equal(2, item.OptionalPrefixedId('A'));
        Assert.Equal("2020 review", item.Rest());
    }

    [Fact]
    public void Choices_codes_and_hours_are_typed()
    {
        var args = Read("est Observer 1.5h");

        var code = args.Code();
        var role = args.Choice(new Dictionary<string, int> { ["observer"] = 7 });
        var hours = args.Hours(168);

        Assert.False(args.Failed);
        Assert.Equal(("EST", 7, TimeSpan.FromMinutes(90)), (code, role, hours));
    }

    [Theory]
    [InlineData("NaNh")]
    [InlineData("1e-9h")]
    [InlineData("0h")]
    [InlineData("169h")]
    public void Hours_outside_the_strict_form_fail_the_parse(string word)
    {
        var args = Read(word);

        args.Hours(168);

        Assert.True(args.Failed);
    }
}
