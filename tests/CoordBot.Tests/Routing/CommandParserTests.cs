using CoordBot.Telegram.Routing;

namespace CoordBot.Tests.Routing;

public sealed class CommandParserTests
{
    [Theory]
    [InlineData("/start", "start", "", null)]
    [InlineData("/Help", "help", "", null)]
    [InlineData("/invite EST head", "invite", "EST head", null)]
    [InlineData("/invite@CoordBot EST   adviser ", "invite", "EST   adviser", "CoordBot")]
    [InlineData("/start abc-DEF_123", "start", "abc-DEF_123", null)]
    public void Parses_name_arguments_and_addressee(string text, string name, string arguments, string? addressedTo)
    {
        var command = CommandParser.Parse(text);

        Assert.NotNull(command);
        Assert.Equal(name, command.Name);
        Assert.Equal(arguments, command.Arguments);
        Assert.Equal(addressedTo, command.AddressedTo);
        Assert.Null(command.Body);
    }

    [Fact]
    public void Text_after_the_first_line_break_is_the_body()
    {
        var command = CommandParser.Parse("/draft_new A2 Press statement on Yemen\r\nThe Council welcomes...\n\nSecond paragraph.");

        Assert.NotNull(command);
        Assert.Equal("draft_new", command.Name);
        Assert.Equal("A2 Press statement on Yemen", command.Arguments);
        Assert.Equal("The Council welcomes...\n\nSecond paragraph.", command.Body);
        Assert.Equal(["A2", "Press", "statement", "on", "Yemen"], command.Words);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("/")]
    [InlineData("/ start")]
    [InlineData("/sta-rt")]
    [InlineData("/@bot")]
    public void Non_commands_are_not_parsed(string? text) => Assert.Null(CommandParser.Parse(text));
}
