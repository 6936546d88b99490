using CoordBot.Telegram.Routing;

namespace CoordBot.Tests.Routing;

public sealed class EntityIdsTests
{
    [Theory]
    [InlineData("S12", 12)]
    [InlineData("s12", 12)]
    [InlineData("12", 12)]
    [InlineData(" S7 ", 7)]
    public void Ids_are_read_with_or_without_their_prefix(string text, long expected)
    {
        Assert.True(EntityIds.TryParse(text, 'S', out var id));
        Assert.Equal(expected, id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("S0")]
    [InlineData("S-3")]
    [InlineData("D12")]
    [InlineData("S1.5")]
    [InlineData("S99999999999999999999")]
    public void Anything_else_is_not_an_id(string? text) => Assert.False(EntityIds.TryParse(text, 'S', out _));
}
