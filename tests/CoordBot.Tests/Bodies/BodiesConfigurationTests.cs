using CoordBot.Council;
using CoordBot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoordBot.Tests.Bodies;

/// <summary>Issue 25, item 1: <c>Bodies:&lt;n&gt;:File</c> lists the bodies; <c>Council:File</c> alone is one body; keys are unique and never a member's code.</summary>
public sealed class BodiesConfigurationTests
{
    [Fact]
    public void Council_File_alone_is_one_body_with_its_files_key()
    {
        var body = Assert.Single(CouncilProvider.LoadBodies(new CouncilOptions()));

        // The shipped preset names its key and short name; a file that names none is the single body "council".
        Assert.Equal(("unsc", "Security Council"), (body.Key, body.ShortName));
        using var directory = new TempDirectory();
        var plain = Assert.Single(CouncilProvider.LoadBodies(new CouncilOptions { File = BodyFiles.Write(directory, null, "Board", "A board") }));
        Assert.Equal((CouncilOptions.DefaultKey, "Board"), (plain.Key, plain.ShortName));
    }

    [Fact]
    public void Bodies_are_listed_in_order_with_their_keys_and_short_names()
    {
        using var directory = new TempDirectory();
        var options = new CouncilOptions
        {
            BodyFiles = [BodyFiles.Write(directory, "unsc", "Council", "Security Council"), BodyFiles.Write(directory, "1718", "1718 Committee", "Security Council Committee established pursuant to resolution 1718 (2006)")],
        };

        var bodies = CouncilProvider.LoadBodies(options);

        Assert.Equal(["unsc", "1718"], bodies.Select(b => b.Key));
        Assert.Equal(["Council", "1718 Committee"], bodies.Select(b => b.ShortName));
    }

    [Fact]
    public void Council_File_with_Bodies_is_the_first_body()
    {
        using var directory = new TempDirectory();
        var options = new CouncilOptions
        {
            File = BodyFiles.Write(directory, "unsc", "Council", "Security Council"),
            BodyFiles = [BodyFiles.Write(directory, "psc", "PSC", "Peace and Security Council")],
        };

        Assert.Equal(["unsc", "psc"], CouncilProvider.LoadBodies(options).Select(b => b.Key));
    }

    [Theory]
    [InlineData("unsc", "unsc", "Bodies:1:File: the key \"unsc\" is already the key of Bodies:0:File; body keys must be unique")]
    // A key that is one of its own file's members' codes is refused by the file's reader, naming the setting.
    [InlineData("unsc", "est", "key: \"est\" is a member's code; choose another")]
    [InlineData("unsc", null, "Bodies:1:File (Sanctions) has no \"key\"; with several bodies each council file needs one (e.g. \"unsc\", \"1718\", \"psc\")")]
    public void A_bad_key_stops_the_start_with_one_line(string first, string? second, string expected)
    {
        using var directory = new TempDirectory();
        var options = new CouncilOptions { BodyFiles = [BodyFiles.Write(directory, first, "Council", "Council"), BodyFiles.Write(directory, second, "Sanctions", "Sanctions")] };

        var error = Assert.Throws<ConfigurationException>(() => CouncilProvider.LoadBodies(options));

        Assert.StartsWith("Bodies:1:File", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_that_is_not_short_lower_case_is_named()
    {
        using var directory = new TempDirectory();
        var options = new CouncilOptions { BodyFiles = [BodyFiles.Write(directory, "UNSC Main", "Council", "Council")] };

        var error = Assert.Throws<ConfigurationException>(() => CouncilProvider.LoadBodies(options));

        Assert.Contains("key: \"UNSC Main\" must be 2-12 lower-case letters, digits or hyphens", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_body_file_stops_the_bot_with_one_line_naming_its_key()
    {
        using var directory = new TempDirectory();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:CoordBot"] = $"Data Source={directory.File("c.db")}",
            ["Bodies:0:File"] = BodyFiles.Write(directory, "unsc", "Council", "Council"),
            ["Bodies:1:File"] = directory.File("missing.json"),
        });
        builder.AddCoordBot();
        using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(host.ValidateCoordBotConfiguration);

        var failure = Assert.Single(error.Failures, f => f.Contains("Bodies:1:File", StringComparison.Ordinal));
        Assert.StartsWith("Bodies:1:File cannot be read", failure, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure);
    }
}
