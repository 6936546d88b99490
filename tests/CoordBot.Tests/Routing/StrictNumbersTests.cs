using CoordBot.Telegram.Routing;

namespace CoordBot.Tests.Routing;

public sealed class StrictNumbersTests
{
    [Theory]
    [InlineData("24h", 24 * 60)]
    [InlineData("24", 24 * 60)]
    [InlineData("1.5h", 90)]
    [InlineData("0.25H", 15)]
    [InlineData("168h", 168 * 60)]
    [InlineData("٣h", 3 * 60)] // Arabic-Indic digits are digits (issue 27)
    [InlineData("١٫٥h", 90)]
    public void Hours_are_whole_numbers_or_simple_decimals_within_range(string text, int minutes)
    {
        Assert.True(StrictNumbers.TryParseHours(text, 0, 168, out var hours));
        Assert.Equal(TimeSpan.FromMinutes(minutes), hours);
    }

    [Theory]
    [InlineData("NaNh")]
    [InlineData("NaN")]
    [InlineData("Infinityh")]
    [InlineData("1e-9h")]
    [InlineData("1E3h")]
    [InlineData("0h")]
    [InlineData("0.00h")]
    [InlineData("169h")]
    [InlineData("168.01h")]
    [InlineData("-3h")]
    [InlineData("+3h")]
    [InlineData("1,5h")]
    [InlineData("1.h")]
    [InlineData(".5h")]
    [InlineData("1.255h")]
    [InlineData("24hh")]
    [InlineData(" 24h")]
    [InlineData("h")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("٣٠٠h")]
    [InlineData("99999999999999999999h")]
    public void Anything_else_is_refused(string? text) =>
        Assert.False(StrictNumbers.TryParseHours(text, 0, 168, out _));

    [Fact]
    public void A_minimum_above_zero_is_kept() =>
        Assert.False(StrictNumbers.TryParseHours("0.5", 1, 720, out _));

    [Fact]
    public void Without_the_suffix_allowed_a_trailing_h_is_refused() =>
        Assert.False(StrictNumbers.TryParseHours("3h", 1, 720, out _, allowSuffix: false));
}
