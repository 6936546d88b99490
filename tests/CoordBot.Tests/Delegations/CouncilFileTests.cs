using CoordBot.Council;

namespace CoordBot.Tests.Delegations;

public sealed class CouncilFileTests
{
    [Fact]
    public void The_shipped_preset_is_the_security_council_of_2020()
    {
        var council = CouncilProvider.Load(new CouncilOptions());

        Assert.Equal(15, council.Members.Count);
        Assert.Equal(["CHN", "FRA", "GBR", "RUS", "USA"], council.Members.Where(m => m.Permanent).Select(m => m.Code).Order());
        // A record compares its lists and dictionaries by reference: those are compared item by item, the rest as a record.
        var preset = CoordBot.Domain.Council.CouncilPresets.SecurityCouncil2020;
        Assert.Equal(preset.Members, council.Members);
        Assert.Equal(preset.PresidencyOrder, council.PresidencyOrder);
        Assert.Equal(preset.Names.OrderBy(n => n.Key), council.Names.OrderBy(n => n.Key));
        Assert.Equal(preset.ShortNames.OrderBy(n => n.Key), council.ShortNames.OrderBy(n => n.Key));
        Assert.Equal(preset with { Members = council.Members, PresidencyOrder = council.PresidencyOrder, Names = council.Names, ShortNames = council.ShortNames }, council);
    }

    [Fact]
    public void A_bad_council_file_is_refused_with_a_message_naming_the_entry()
    {
        using var directory = new Support.TempDirectory();
        var path = directory.File("council.json");
        File.WriteAllText(path, """{"name":"X","members":[{"code":"AAA","name":"A"},{"code":"AAA","name":"B"}],"presidency":{"anchor":{"code":"ZZZ","month":"2020-01"}}}""");

        var error = Assert.Throws<ConfigurationException>(() => CouncilProvider.Load(new CouncilOptions { File = path }));

        Assert.Contains("duplicate code \"AAA\"", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void An_unknown_code_in_the_presidency_is_named()
    {
        using var directory = new Support.TempDirectory();
        var path = directory.File("council.json");
        File.WriteAllText(path, CoordBot.Domain.Council.CouncilPresets.SecurityCouncil2020Json.Replace("\"VNM\", \"month\"", "\"ZZZ\", \"month\"", StringComparison.Ordinal));

        var error = Assert.Throws<ConfigurationException>(() => CouncilProvider.Load(new CouncilOptions { File = path }));

        Assert.Contains("presidency.anchor.code", error.Message, StringComparison.Ordinal);
        Assert.Contains("ZZZ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_council_file_is_named()
    {
        var error = Assert.Throws<ConfigurationException>(() => CouncilProvider.Load(new CouncilOptions { File = "/nonexistent/council.json" }));

        Assert.StartsWith("Council:File cannot be read", error.Message, StringComparison.Ordinal);
    }
}
