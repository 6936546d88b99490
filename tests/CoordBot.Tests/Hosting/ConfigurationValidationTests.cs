using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoordBot.Tests.Hosting;

/// <summary>A wrong setting stops the bot before it starts, with a message that names the key.</summary>
public sealed class ConfigurationValidationTests
{
    [Theory]
    [InlineData("Telegram:Mode", "Fax", "Telegram:Mode must be Polling or Webhook")]
    [InlineData("Telegram:BaseUrl", "not a url", "Telegram:BaseUrl must be an absolute http(s) URL")]
    [InlineData("Telegram:BotToken", "oops", "Telegram:BotToken does not look like a BotFather token")]
    [InlineData("Delivery:GlobalPerSecond", "0", "Delivery:GlobalPerSecond must be between")]
    [InlineData("Sessions:Reminders:0", "banana", "Sessions:Reminders:0 is \"banana\"")]
    [InlineData("Sessions:Reminders:0", "-00:10:00", "Sessions:Reminders:0 is -00:10:00")]
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

    [Fact]
    public void The_example_settings_file_is_valid_as_shipped()
    {
        using var directory = new Support.TempDirectory();
        var example = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "appsettings.example.json");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddJsonFile(Path.GetFullPath(example), optional: false);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:CoordBot"] = $"Data Source={directory.File("c.db")}" });
        builder.AddCoordBot();
        using var host = builder.Build();

        host.ValidateCoordBotConfiguration();
    }

    [Fact]
    public void Webhook_mode_needs_a_url_and_a_secret()
    {
        using var directory = new Support.TempDirectory();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:CoordBot"] = $"Data Source={directory.File("c.db")}",
            ["Telegram:BotToken"] = "123456:abcdefghijklmnopqrstuvwxyz",
            ["Telegram:Mode"] = "Webhook",
        });
        builder.AddCoordBot();
        using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(host.ValidateCoordBotConfiguration);

        Assert.Contains(error.Failures, f => f.StartsWith("Telegram:WebhookUrl", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Telegram:WebhookSecret", StringComparison.Ordinal));
    }
}
