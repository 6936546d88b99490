using CoordBot.Scheduling;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace CoordBot.Tests.Scheduling;

public sealed class SchedulingPersistenceTests : IDisposable
{
    private readonly SchedulingSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public async Task Provisioning_the_schema_twice_on_the_same_file_is_harmless()
    {
        var ct = sandbox.Timeout;
        var job = new JobKey("reminder", "session-1");
        var dueAt = TimeProvider.System.GetUtcNow().AddDays(3);

        using (var first = sandbox.BuildHost(new FiringLog()))
        {
            await first.StartAsync(ct);
            await first.Services.GetRequiredService<IJobScheduler>()
                .ScheduleOnceAsync<RecordingJob>(job, dueAt, new Dictionary<string, string>(), ct);
            await first.StopAsync(ct);
        }

        using var second = sandbox.BuildHost(new FiringLog());
        await second.StartAsync(ct);
        var due = await second.Services.GetRequiredService<IJobScheduler>().GetDueAtAsync(job, ct);
        await second.StopAsync(ct);

        Assert.Equal(dueAt, due);
    }

    [Fact]
    public async Task The_quartz_tables_sit_beside_the_bot_database_in_wal_mode()
    {
        var ct = sandbox.Timeout;
        using (var host = sandbox.BuildHost(new FiringLog()))
        {
            await host.StartAsync(ct);
            await host.StopAsync(ct);
        }

        Assert.True(File.Exists(sandbox.QuartzFile));
        await using var connection = new SqliteConnection($"Data Source={sandbox.QuartzFile}");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode; ";
        Assert.Equal("wal", await command.ExecuteScalarAsync(ct) as string);
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'QRTZ_%'";
        Assert.True((long)(await command.ExecuteScalarAsync(ct))! > 0);
    }

    [Fact]
    public async Task A_job_scheduled_before_a_restart_fires_exactly_once_in_the_next_host_with_its_data()
    {
        var ct = sandbox.Timeout;
        var job = new JobKey("deadline", "draft-7");
        var dueAt = TimeProvider.System.GetUtcNow().AddHours(-1);
        var data = new Dictionary<string, string> { ["delegation"] = "FR", ["draftId"] = "7" };

        // The first host's clock stands two hours back, so for it the deadline is still an hour away:
        // it is stopped before the deadline, as a bot that goes down would be.
        var firstLog = new FiringLog();
        using (var first = sandbox.BuildHost(firstLog, new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddHours(-2))))
        {
            await first.StartAsync(ct);
            await first.Services.GetRequiredService<IJobScheduler>().ScheduleOnceAsync<RecordingJob>(job, dueAt, data, ct);
            await first.StopAsync(ct);
        }

        var secondLog = new FiringLog();
        using (var second = sandbox.BuildHost(secondLog))
        {
            await second.StartAsync(ct);
            var firing = await secondLog.FirstFiring;
            await second.StopAsync(ct);

            Assert.Equal(job, firing.Job);
            Assert.Equal("FR", firing.Data["delegation"]);
            Assert.Equal("7", firing.Data["draftId"]);
            Assert.Equal(dueAt, DateTimeOffset.Parse(firing.Data[ScheduledJobData.DueAtUtcKey], System.Globalization.CultureInfo.InvariantCulture));
        }

        // Stopping waited for the job to complete, so its trigger is gone from the file: nothing is left to fire again.
        using var third = sandbox.BuildHost(new FiringLog());
        Assert.False(await third.Services.GetRequiredService<IJobScheduler>().ExistsAsync(job, ct));
        Assert.Empty(firstLog.Firings);
        Assert.Single(secondLog.Firings);
    }
}
