using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoordBot.Tests.Ballots;

/// <summary>The grace is a contract key: a wrong value stops the bot naming the key.</summary>
public sealed class BallotsOptionsTests
{
    [Theory]
    [InlineData("Voting:EarlyCloseGrace", "ten minutes", "Voting:EarlyCloseGrace is \"ten minutes\"")]
    [InlineData("Voting:EarlyCloseGrace", "-00:10:00", "Voting:EarlyCloseGrace is -00:10:00")]
    public void A_bad_value_is_refused_naming_its_key(string key, string value, string expected)
    {
        using var directory = new Support.TempDirectory();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:CoordBot"] = $"Data Source={directory.File("c.db")}",
            [key] = value,
        });
        builder.AddCoordBot();
        using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(host.ValidateCoordBotConfiguration);
        Assert.Contains(error.Failures, f => f.StartsWith(expected, StringComparison.Ordinal));
    }
}
