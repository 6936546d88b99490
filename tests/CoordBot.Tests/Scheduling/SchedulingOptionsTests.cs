using CoordBot.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoordBot.Tests.Scheduling;

public sealed class SchedulingOptionsTests : IDisposable
{
    private readonly SchedulingSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Theory]
    [InlineData("Data Source=data/coordbot.db", "data/coordbot.quartz.db")]
    [InlineData("Data Source=/var/lib/coordbot/bot.sqlite;Cache=Shared", "/var/lib/coordbot/bot.quartz.db")]
    [InlineData("Data Source=coordbot", "coordbot.quartz.db")]
    public void The_quartz_file_is_derived_from_the_bot_database_in_the_same_directory(string main, string expectedFile)
    {
        var derived = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(SchedulingDatabase.DeriveFromMain(main));

        Assert.Equal(expectedFile, derived.DataSource);
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=bot;Mode=Memory")]
    [InlineData("Data Source=")]
    [InlineData("Flavour=Sqlite")]
    public void A_database_that_is_not_a_file_is_refused(string connectionString)
    {
        Assert.NotNull(SchedulingDatabase.Problem(connectionString));
    }

    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        // Only the bot's database is configured: everything else is the bot's own default (README, "Scheduling:*").
        using var host = sandbox.BuildHost(new FiringLog(), ownInstanceName: false);
        var options = host.Services.GetRequiredService<IOptions<SchedulingOptions>>().Value;

        Assert.Equal("Data Source=" + sandbox.QuartzFile, options.ConnectionString);
        Assert.Equal(TimeSpan.FromMinutes(1), options.MisfireThreshold);
        Assert.Equal("CoordBot", options.InstanceName);
    }

    [Fact]
    public async Task An_in_memory_schedule_is_refused_at_start_with_a_clear_message()
    {
        using var host = sandbox.BuildHost(new FiringLog(), settings: new Dictionary<string, string?>
        {
            ["Scheduling:ConnectionString"] = "Data Source=:memory:",
        });

        // Quartz's own options read ours, so the host may wrap the same failure several times.
        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(sandbox.Timeout));
        var validation = error as OptionsValidationException
            ?? Assert.IsType<OptionsValidationException>(((AggregateException)error).InnerExceptions[0]);
        Assert.Contains("in-memory database is refused", validation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Scheduling:MisfireThreshold", "00:00:00", "MisfireThreshold")]
    [InlineData("Scheduling:InstanceName", " ", "InstanceName")]
    public async Task An_out_of_range_setting_is_refused_at_start_naming_the_key(string key, string value, string named)
    {
        using var host = sandbox.BuildHost(new FiringLog(), settings: new Dictionary<string, string?> { [key] = value });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(sandbox.Timeout));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
