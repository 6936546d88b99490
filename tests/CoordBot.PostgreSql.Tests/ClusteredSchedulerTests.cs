using System.Collections.Concurrent;
using System.Globalization;
using CoordBot.Scheduling;
using CoordBot.Tests.PostgreSql;
using CoordBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CoordBot.PostgreSql.Tests;

/// <summary>Two bot hosts on one PostgreSQL database form one Quartz cluster: a job due on both fires on one of them, once.</summary>
[Collection(SharedServer.Name)]
public sealed class ClusteredSchedulerTests
{
    private const int Jobs = 500;

    [SkippableFact]
    public async Task Jobs_due_in_the_same_second_on_two_clustered_hosts_fire_once_each()
    {
        Skip.If(PostgresServer.MissingReason is not null, PostgresServer.MissingReason);
        var settings = await TestDatabase.SettingsAsync();
        var run = new Run();
        Runs[run.Id] = run;
        await using var first = await BotHarness.StartAsync(settings, configure: s => s.AddScheduledJob<CountingJob>());
        await using var second = await BotHarness.StartAsync(settings, configure: s => s.AddScheduledJob<CountingJob>());
        var firstScheduler = await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var secondScheduler = await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.NotEqual(firstScheduler.SchedulerInstanceId, secondScheduler.SchedulerInstanceId);

        var due = first.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddSeconds(2);
        var scheduler = first.Services.GetRequiredService<IJobScheduler>();
        for (var i = 0; i < Jobs; i++)
        {
            var data = new Dictionary<string, string> { ["run"] = run.Id };
            await scheduler.ScheduleOnceAsync(new JobKey(string.Create(CultureInfo.InvariantCulture, $"job-{i}"), run.Id), typeof(CountingJob), due, data, CancellationToken.None);
        }

        await run.AllFired.Task.WaitAsync(TimeSpan.FromSeconds(90));
        // Each firing removes its one-shot trigger: once none is left, nothing more can fire.
        await WaitUntilAsync(async () => (await firstScheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(run.Id))).Count == 0);

        Assert.Equal(Jobs, run.Firings.Count);
        Assert.All(run.Firings, f => Assert.Equal(1, f.Value));
    }

    private static readonly ConcurrentDictionary<string, Run> Runs = new();

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200), TimeProvider.System);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await timer.WaitForNextTickAsync(timeout.Token);
        }
    }

    private sealed class Run
    {
        public string Id { get; } = Guid.NewGuid().ToString("N");

        public ConcurrentDictionary<string, int> Firings { get; } = new();

        public TaskCompletionSource AllFired { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class CountingJob : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            var run = Runs[context.MergedJobDataMap.GetString("run")!];
            run.Firings.AddOrUpdate(context.JobDetail.Key.Name, 1, (_, n) => n + 1);
            if (run.Firings.Count == Jobs)
            {
                run.AllFired.TrySetResult();
            }

            return ValueTask.CompletedTask;
        }
    }
}
