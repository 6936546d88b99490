using CoordBot.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace CoordBot.Tests.Scheduling;

public sealed class JobSchedulerTests : IAsyncLifetime
{
    private static readonly IReadOnlyDictionary<string, string> NoData = new Dictionary<string, string>();

    private readonly SchedulingSandbox sandbox = new();
    private readonly DateTimeOffset inThreeDays = TimeProvider.System.GetUtcNow().AddDays(3);
    private IHost host = null!;

    private IJobScheduler Scheduler => host.Services.GetRequiredService<IJobScheduler>();

    public async Task InitializeAsync()
    {
        host = sandbox.BuildHost(new FiringLog());
        await host.StartAsync(sandbox.Timeout);
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync(CancellationToken.None);
        host.Dispose();
        sandbox.Dispose();
    }

    [Fact]
    public async Task Scheduling_the_same_key_twice_keeps_one_trigger()
    {
        var ct = sandbox.Timeout;
        var job = new JobKey("reminder", "session-1");

        await Scheduler.ScheduleOnceAsync<RecordingJob>(job, inThreeDays, NoData, ct);
        await Scheduler.ScheduleOnceAsync<RecordingJob>(job, inThreeDays, NoData, ct);

        var quartz = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
        var triggers = await quartz.QueryTriggers(new TriggerQuery { Job = job }, ct);
        Assert.Single(triggers.Items);
        Assert.Equal(inThreeDays, await Scheduler.GetDueAtAsync(job, ct));
    }

    [Fact]
    public async Task Scheduling_a_key_again_with_another_due_time_moves_it()
    {
        var ct = sandbox.Timeout;
        var job = new JobKey("reminder", "session-1");
        var later = inThreeDays.AddHours(5);

        await Scheduler.ScheduleOnceAsync<RecordingJob>(job, inThreeDays, NoData, ct);
        await Scheduler.ScheduleOnceAsync<RecordingJob>(job, later, NoData, ct);

        Assert.Equal(later, await Scheduler.GetDueAtAsync(job, ct));
        var quartz = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
        var trigger = await quartz.GetTrigger(new TriggerKey(job.Name, job.Group), ct);
        Assert.Equal(later, trigger!.NextFireTimeUtc);
    }

    [Fact]
    public async Task Scheduling_a_key_again_with_other_data_replaces_the_data()
    {
        var ct = sandbox.Timeout;
        var job = new JobKey("reminder", "session-1");

        await Scheduler.ScheduleOnceAsync<RecordingJob>(job, inThreeDays, new Dictionary<string, string> { ["chair"] = "FR" }, ct);
        await Scheduler.ScheduleOnceAsync<RecordingJob>(job, inThreeDays, new Dictionary<string, string> { ["chair"] = "GB" }, ct);

        var quartz = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
        var detail = await quartz.GetJobDetail(job, ct);
        Assert.Equal("GB", detail!.JobDataMap["chair"]);
    }

    [Fact]
    public async Task Unscheduling_removes_the_job_and_says_whether_there_was_one()
    {
        var ct = sandbox.Timeout;
        var job = new JobKey("reminder", "session-1");
        await Scheduler.ScheduleOnceAsync<RecordingJob>(job, inThreeDays, NoData, ct);

        Assert.True(await Scheduler.UnscheduleAsync(job, ct));
        Assert.False(await Scheduler.ExistsAsync(job, ct));
        Assert.Null(await Scheduler.GetDueAtAsync(job, ct));
        Assert.False(await Scheduler.UnscheduleAsync(job, ct));
    }

    [Fact]
    public async Task Unscheduling_a_group_leaves_other_groups_alone()
    {
        var ct = sandbox.Timeout;
        await Scheduler.ScheduleOnceAsync<RecordingJob>(new JobKey("opening", "session-4"), inThreeDays, NoData, ct);
        await Scheduler.ScheduleOnceAsync<RecordingJob>(new JobKey("closing", "session-4"), inThreeDays, NoData, ct);
        await Scheduler.ScheduleOnceAsync<RecordingJob>(new JobKey("opening", "session-42"), inThreeDays, NoData, ct);

        Assert.Equal(2, await Scheduler.UnscheduleGroupAsync("session-4", ct));
        Assert.False(await Scheduler.ExistsAsync(new JobKey("opening", "session-4"), ct));
        Assert.True(await Scheduler.ExistsAsync(new JobKey("opening", "session-42"), ct));
    }

    [Fact]
    public async Task A_due_time_in_the_past_fires_at_once_in_a_fresh_scope()
    {
        var ct = sandbox.Timeout;
        var log = host.Services.GetRequiredService<FiringLog>();
        var job = new JobKey("overdue", "session-1");

        await Scheduler.ScheduleOnceAsync<RecordingJob>(job, TimeProvider.System.GetUtcNow().AddMinutes(-10), NoData, ct);

        var firing = await log.FirstFiring;
        Assert.Equal(job, firing.Job);
        Assert.NotEqual(Guid.Empty, firing.UnitOfWork);
    }
}
