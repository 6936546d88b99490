using CoordBot.Cluster;
using CoordBot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoordBot.PostgreSql.Tests.Cluster;

/// <summary>The <c>Cluster</c> section needs nothing set, and a value that would break the fail-over promise stops the start naming its key.</summary>
public sealed class ClusterOptionsTests
{
    [Fact]
    public void Nothing_needs_setting_and_the_defaults_re_elect_within_seconds()
    {
        using var host = Build([]);

        host.ValidateCoordBotConfiguration();
        var options = host.Services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(3), options.LeaderRetry);
        Assert.Equal(TimeSpan.FromSeconds(5), options.InboxSweep);
        Assert.Equal(TimeSpan.FromMilliseconds(7500), options.TimerCheckin);
    }

    [Theory]
    [InlineData("Cluster:LeaderRetry", "00:00:30")]
    [InlineData("Cluster:LeaderRetry", "00:00:00")]
    [InlineData("Cluster:InboxSweep", "01:00:00")]
    [InlineData("Cluster:TimerCheckin", "00:00:00.200")]
    [InlineData("Cluster:TimerCheckin", "00:05:00")]
    public void A_setting_out_of_range_stops_the_start_naming_its_key(string key, string value)
    {
        using var host = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(host.ValidateCoordBotConfiguration);

        Assert.Contains(error.Failures, f => f.StartsWith(key + " must be between", StringComparison.Ordinal));
    }

    private static IHost Build(Dictionary<string, string?> extra)
    {
        using var directory = new TempDirectory();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:CoordBot"] = $"Data Source={directory.File("c.db")}",
            ["Telegram:BotToken"] = "123456:abcdefghijklmnopqrstuvwxyz",
        });
        builder.Configuration.AddInMemoryCollection(extra);
        builder.AddCoordBot();
        return builder.Build();
    }
}
