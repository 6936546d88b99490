using CoordBot.Features.Drafts;
using CoordBot.Features.Voting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoordBot.Tests.Deadlines;

/// <summary><c>Drafts:SilenceWarnings</c> and <c>Voting:ClosingReminders</c> are contract keys: defaults, a configured list, and a wrong value that stops the bot naming the key.</summary>
public sealed class DeadlineOptionsTests
{
    [Theory]
    [InlineData("Drafts:SilenceWarnings:0", "two hours", "Drafts:SilenceWarnings:0 is \"two hours\"")]
    [InlineData("Drafts:SilenceWarnings:0", "00:00:00", "Drafts:SilenceWarnings:0 is 00:00:00")]
    [InlineData("Voting:ClosingReminders:1", "-01:00:00", "Voting:ClosingReminders:1 is -01:00:00")]
    [InlineData("Voting:ClosingReminders:1", "06:00:00", "Voting:ClosingReminders lists 06:00:00 twice")]
    public void A_bad_offset_is_refused_naming_its_key(string key, string value, string expected)
    {
        using var host = Build(new() { ["Voting:ClosingReminders:0"] = "06:00:00", [key] = value });

        var error = Assert.Throws<OptionsValidationException>(host.ValidateCoordBotConfiguration);
        Assert.Contains(error.Failures, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_defaults_are_two_hours_before_silence_ends_and_six_and_one_hour_before_a_vote_closes_and_an_empty_entry_sends_none()
    {
        using (var host = Build([]))
        {
            Assert.Equal([TimeSpan.FromHours(2)], host.Services.GetRequiredService<IOptions<DraftsOptions>>().Value.SilenceWarningOffsets);
            Assert.Equal([TimeSpan.FromHours(6), TimeSpan.FromHours(1)], host.Services.GetRequiredService<IOptions<VotingOptions>>().Value.ClosingReminderOffsets);
        }

        using var configured = Build(new() { ["Drafts:SilenceWarnings:0"] = "1.00:00:00", ["Drafts:SilenceWarnings:1"] = "00:30:00", ["Voting:ClosingReminders:0"] = string.Empty });
        configured.ValidateCoordBotConfiguration();
        Assert.Equal([TimeSpan.FromDays(1), TimeSpan.FromMinutes(30)], configured.Services.GetRequiredService<IOptions<DraftsOptions>>().Value.SilenceWarningOffsets);
        Assert.Empty(configured.Services.GetRequiredService<IOptions<VotingOptions>>().Value.ClosingReminderOffsets);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // Never opened: the host is built, not started.
        settings["ConnectionStrings:CoordBot"] = $"Data Source={Path.Combine(Path.GetTempPath(), "coordbot-deadline-options.db")}";
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCoordBot();
        return builder.Build();
    }
}
