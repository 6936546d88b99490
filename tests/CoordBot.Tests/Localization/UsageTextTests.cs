using CoordBot.Domain.Council;
using CoordBot.Domain.Sessions;
using CoordBot.Localization;

namespace CoordBot.Tests.Localization;

/// <summary>A usage line names its placeholders in the reader's language, and the words it offers to type are accepted (issue 27).</summary>
public sealed class UsageTextTests
{
    private const string Schedule = "/schedule <yyyy-mm-dd> <HH:mm> [IANA zone] <open|closed|consultations|arria> [<minutes>m] <title>";

    [Fact]
    public void English_is_the_declaration_itself() =>
        Assert.Equal(Schedule, UsageText.In("en", Schedule));

    [Fact]
    public void Chinese_names_the_placeholders_and_offers_the_formats_in_Chinese()
    {
        Assert.Equal("/schedule <年-月-日> <时:分> [IANA 时区] <公开|非公开|磋商|阿里亚> [<分钟>m] <标题>", UsageText.In("zh", Schedule));
        Assert.Equal("/circulate D<n> [代码,代码...]", UsageText.In("zh", "/circulate D<n> [CODE,CODE...]"));
    }

    [Theory]
    [InlineData("非公开", SessionFormat.Closed)]
    [InlineData("publique", SessionFormat.Open)]
    [InlineData("مشاورات", SessionFormat.Consultations)]
    [InlineData("closed", SessionFormat.Closed)]
    public void The_formats_a_usage_line_offers_are_accepted(string word, SessionFormat format) =>
        Assert.Equal(format, SessionFormats.Parse(word).Value);

    [Theory]
    [InlineData("zh")]
    [InlineData("ar")]
    [InlineData("fr")]
    public void Every_word_offered_for_a_rule_is_accepted(string language)
    {
        foreach (var rule in new[] { "council", "majority", "two-thirds", "consensus" })
        {
            Assert.True(DecisionRuleNames.Parse(Catalogue.Text(language, "Arg." + rule)).IsSuccess, $"{language} {rule}");
        }
    }
}
