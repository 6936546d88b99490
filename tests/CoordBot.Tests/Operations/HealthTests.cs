using CoordBot.Persistence;
using CoordBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoordBot.Tests.Operations;

public sealed class HealthTests
{
    [Fact]
    public async Task A_started_bot_is_live_and_ready()
    {
        await using var bot = await OperationsTestHost.StartAsync();

        var (liveStatus, live) = await bot.HealthAsync("/health/live");
        var (readyStatus, ready) = await bot.HealthAsync("/health/ready");

        Assert.Equal(200, liveStatus);
        Assert.Equal("Healthy", live.GetProperty("status").GetString());
        Assert.Equal(200, readyStatus);
        foreach (var check in new[] { "database", "scheduler", "backlog" })
        {
            Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty(check).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Ready_fails_while_the_database_file_is_gone_and_recovers_when_it_is_back()
    {
        await using var bot = await OperationsTestHost.StartAsync();
        var database = bot.Files().Database;

        File.Move(database, database + ".away");
        var (during, body) = await bot.HealthAsync("/health/ready");
        var (liveDuring, _) = await bot.HealthAsync("/health/live");
        File.Move(database + ".away", database);
        var (after, afterBody) = await bot.HealthAsync("/health/ready");

        Assert.Equal(503, during);
        Assert.Equal("Unhealthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(200, liveDuring);
        Assert.True(after == 200, afterBody.ToString());
    }

    [Fact]
    public async Task Ready_fails_while_a_message_is_stuck_past_the_threshold_and_recovers_once_it_is_sent()
    {
        await using var bot = await OperationsTestHost.StartAsync(new Dictionary<string, string?> { ["Operations:StallThreshold"] = "00:05:00" });
        var now = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var unitOfWork = bot.Services.GetRequiredService<UnitOfWork>();
        // A message in retry backoff since six minutes ago, its next attempt an hour away: Telegram has been failing it.
        var stuck = new OutboxMessage { ChatId = 4242, Kind = OutboxKind.Text, Text = "x", CreatedAt = now.AddMinutes(-6), NextAttemptAt = now.AddHours(1), Attempts = 3 };
        await unitOfWork.RunAsync((db, ct) => { db.OutboxMessages.Add(stuck); return Task.CompletedTask; }, CancellationToken.None);

        var (during, body) = await bot.HealthAsync("/health/ready");
        await unitOfWork.RunAsync(async (db, ct) => (await db.OutboxMessages.FindAsync([stuck.Id], ct))!.Status = OutboxStatus.Sent, CancellationToken.None);
        var (after, _) = await bot.HealthAsync("/health/ready");

        Assert.Equal(503, during);
        var backlog = body.GetProperty("checks").GetProperty("backlog");
        Assert.Equal("Unhealthy", backlog.GetProperty("status").GetString());
        Assert.Contains("unsent message", backlog.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(200, after);
    }

    [Fact]
    public async Task A_message_younger_than_the_threshold_keeps_the_bot_ready()
    {
        await using var bot = await OperationsTestHost.StartAsync(new Dictionary<string, string?> { ["Operations:StallThreshold"] = "00:05:00" });
        var now = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await bot.Services.GetRequiredService<UnitOfWork>().RunAsync((db, ct) =>
        {
            db.OutboxMessages.Add(new OutboxMessage { ChatId = 4242, Kind = OutboxKind.Text, Text = "x", CreatedAt = now.AddMinutes(-4), NextAttemptAt = now.AddHours(1), Attempts = 3 });
            return Task.CompletedTask;
        }, CancellationToken.None);

        var (status, _) = await bot.HealthAsync("/health/ready");

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task An_empty_url_turns_the_endpoint_off()
    {
        await using var bot = await BotHarness.StartAsync();

        Assert.Null(bot.Services.GetService<BotWebHost>());
    }

    [Fact]
    public async Task A_second_bot_on_the_same_database_is_refused()
    {
        await using var bot = await BotHarness.StartAsync();
        using var second = CoordBot.Operations.BotInstanceLock.TryAcquire(bot.Files().LockFile);

        Assert.Null(second);
    }
}
