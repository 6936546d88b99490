using CoordBot.Domain.Council;
using CoordBot.Domain.Presidency;

namespace CoordBot.Domain.Tests.Council;

/// <summary>The council files shipped beside the bot (src/CoordBot/Council): each loads, names its source and its key.</summary>
public sealed class CouncilPresetFilesTests
{
    [Theory]
    [InlineData("security-council-2020.json", "unsc", "Security Council", 15, DecisionRuleKind.Council, WrittenProcedure.Silence)]
    [InlineData("security-council-2026.json", "unsc", "Security Council", 15, DecisionRuleKind.Council, WrittenProcedure.Silence)]
    [InlineData("committee-1718-2026.json", "1718", "1718 Committee", 15, DecisionRuleKind.Consensus, WrittenProcedure.NoObjection)]
    [InlineData("au-peace-and-security-council.json", "psc", "Peace and Security Council", 15, DecisionRuleKind.ConsensusFirst, WrittenProcedure.Silence)]
    public void Each_preset_loads_with_its_key_rules_and_source(
        string file, string key, string shortName, int members, DecisionRuleKind rule, WrittenProcedure procedure)
    {
        var council = Load(file);

        Assert.Equal((key, shortName, members, rule, procedure), (council.Key, council.ShortName, council.Members.Count, council.DefaultRule, council.WrittenProcedure));
        Assert.NotEmpty(council.Source);
        Assert.False(council.IsMember(key.ToUpperInvariant()));
    }

    [Theory]
    // Rule 18 continued across the new membership: Somalia follows Slovenia (December 2025), then the order wraps.
    [InlineData("security-council-2026.json", 2026, 1, "SOM")]
    [InlineData("security-council-2026.json", 2026, 2, "GBR")]
    [InlineData("security-council-2026.json", 2026, 3, "USA")]
    [InlineData("security-council-2026.json", 2026, 4, "BHR")]
    [InlineData("security-council-2026.json", 2026, 12, "LBR")]
    [InlineData("security-council-2020.json", 2020, 12, "ZAF")]
    // The committee's chair is fixed for the year.
    [InlineData("committee-1718-2026.json", 2026, 1, "GRC")]
    [InlineData("committee-1718-2026.json", 2026, 9, "GRC")]
    [InlineData("au-peace-and-security-council.json", 2026, 2, "CMR")]
    public void The_chair_of_each_preset_rotates_or_stays_as_its_file_says(string file, int year, int month, string chair) =>
        Assert.Equal(chair, PresidencyRotation.For(Load(file)).PresidentFor(year, month));

    [Theory]
    [InlineData("security-council-2026.json", "confirm")]
    [InlineData("committee-1718-2026.json", "could NOT be confirmed")]
    [InlineData("au-peace-and-security-council.json", "COULD NOT BE CONFIRMED")]
    public void A_preset_says_where_its_membership_or_chair_is_unconfirmed(string file, string words) =>
        Assert.Contains(words, File.ReadAllText(PathOf(file)), StringComparison.Ordinal);

    [Theory]
    [InlineData("security-council-2026.json")]
    [InlineData("committee-1718-2026.json")]
    [InlineData("au-peace-and-security-council.json")]
    public void A_preset_names_its_body_in_the_five_other_official_languages(string file)
    {
        var council = Load(file);

        Assert.All((string[])["fr", "es", "ru", "zh", "ar"], language =>
        {
            Assert.NotEqual(council.Name, council.NameIn(language));
            Assert.NotEqual(council.ShortName, council.ShortNameIn(language));
        });
    }

    private static CouncilDefinition Load(string file)
    {
        var parsed = CouncilDefinition.Parse(File.ReadAllText(PathOf(file)));
        Assert.True(parsed.IsSuccess, string.Join("; ", parsed.Errors));
        return parsed.Value;
    }

    private static string PathOf(string file)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CoordBot.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Path.Combine(directory.FullName, "src", "CoordBot", "Council", file);
    }
}
