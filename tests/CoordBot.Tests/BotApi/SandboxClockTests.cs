using CoordBot.Sandbox;
using CoordBot.Tests.Support;

namespace CoordBot.Tests.BotApi;

public sealed class SandboxClockTests
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Moving_the_clock_fires_a_timer_the_jump_skipped_and_keeps_a_later_one_waiting()
    {
        var clock = new SandboxClock(TimeProvider.System, offsetFile: null);
        var skipped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var later = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var first = clock.CreateTimer(_ => skipped.TrySetResult(), null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);
        using var second = clock.CreateTimer(_ => later.TrySetResult(), null, TimeSpan.FromHours(5), Timeout.InfiniteTimeSpan);
        var before = clock.GetUtcNow();
        var told = false;

        await clock.AdvanceAsync(TimeSpan.FromHours(2), _ => { told = true; return Task.CompletedTask; }, CancellationToken.None);

        await skipped.Task.WaitAsync(SafetyNet);
        Assert.True(told);
        Assert.InRange(clock.GetUtcNow() - before, TimeSpan.FromHours(2), TimeSpan.FromHours(2) + SafetyNet);
        Assert.False(later.Task.IsCompleted);
        Assert.Equal(TimeSpan.FromHours(2), clock.Offset);
    }

    [Fact]
    public async Task The_offset_survives_a_restart_so_time_never_goes_back_for_the_bot()
    {
        using var directory = new TempDirectory();
        var file = directory.File("coordbot.sandbox-clock");
        await new SandboxClock(TimeProvider.System, file).AdvanceAsync(TimeSpan.FromDays(1), null, CancellationToken.None);

        Assert.Equal(TimeSpan.FromDays(1), new SandboxClock(TimeProvider.System, file).Offset);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new SandboxClock(TimeProvider.System, file).AdvanceAsync(TimeSpan.FromMinutes(-5), null, CancellationToken.None));
    }
}
