using CoordBot.Scheduling;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Quartz;

namespace CoordBot.Tests.Scheduling;

public sealed class EarlyFiringTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static IJobExecutionContext Firing(DateTimeOffset due)
    {
        var context = new Mock<IJobExecutionContext>();
        context.SetupGet(c => c.MergedJobDataMap).Returns(new JobDataMap { [ScheduledJobData.DueAtUtcKey] = due.ToString("O") });
        return context.Object;
    }

    [Fact]
    public async Task A_deadline_job_fired_a_moment_early_waits_for_its_due_time()
    {
        var clock = new FakeTimeProvider(Now);

        var waiting = ScheduledJobData.WaitUntilDueAsync(Firing(Now.AddSeconds(2)), clock, CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(waiting.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData(-30)]
    [InlineData(0)]
    [InlineData(3600)]
    public void A_due_or_distant_firing_does_not_wait(int secondsUntilDue)
    {
        var clock = new FakeTimeProvider(Now);

        var waiting = ScheduledJobData.WaitUntilDueAsync(Firing(Now.AddSeconds(secondsUntilDue)), clock, CancellationToken.None);

        Assert.True(waiting.IsCompleted);
    }
}
