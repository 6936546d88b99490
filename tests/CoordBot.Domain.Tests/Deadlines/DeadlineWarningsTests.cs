using CoordBot.Domain.Deadlines;

namespace CoordBot.Domain.Tests.Deadlines;

public sealed class DeadlineWarningsTests
{
    private static readonly DateTime Deadline = new(2026, 12, 10, 15, 0, 0, DateTimeKind.Utc);

    private static readonly TimeSpan[] Offsets = [TimeSpan.FromHours(1), TimeSpan.FromHours(6)];

    [Theory]
    // Set two days ahead: both warnings, the earlier (6 h) first.
    [InlineData(-48 * 60, "360 60")]
    // A window of 3 hours: the 6-hour warning would come before the silence or vote began; it is left out.
    [InlineData(-3 * 60, "60")]
    // Exactly at a warning's time: it would repeat what was just said; left out.
    [InlineData(-6 * 60, "60")]
    [InlineData(-60, "")]
    [InlineData(-30, "")]
    // At or after the deadline: nothing.
    [InlineData(0, "")]
    [InlineData(30, "")]
    public void Only_warnings_still_to_come_after_the_deadline_was_set_are_planned(int minutesFromDeadline, string expected)
    {
        var plan = DeadlineWarnings.Plan(Deadline, Offsets, Deadline.AddMinutes(minutesFromDeadline));

        Assert.Equal(expected, string.Join(' ', plan.Select(p => (int)p.Offset.TotalMinutes)));
        Assert.All(plan, p => Assert.Equal(Deadline - p.Offset, p.FireAtUtc));
    }

    [Fact]
    public void Repeated_zero_and_negative_offsets_count_once_or_not_at_all()
    {
        var plan = DeadlineWarnings.Plan(Deadline, [TimeSpan.FromHours(2), TimeSpan.Zero, TimeSpan.FromHours(-1), TimeSpan.FromHours(2)], Deadline.AddDays(-1));

        Assert.Equal([TimeSpan.FromHours(2)], plan.Select(p => p.Offset));
    }

    [Theory]
    [InlineData(true, 0, -60, 3, false, WarningVerdict.Send)]
    // Silence broken or concluded, vote closed, draft withdrawn.
    [InlineData(false, 0, -60, 3, false, WarningVerdict.Over)]
    [InlineData(true, null, -60, 3, false, WarningVerdict.Over)]
    // Extended (or moved) since: the new deadline has its own warnings.
    [InlineData(true, 24 * 60, -60, 3, false, WarningVerdict.DeadlineMoved)]
    // Fired after the deadline (the bot was down): it would announce what already happened.
    [InlineData(true, 0, 0, 3, false, WarningVerdict.DeadlinePassed)]
    [InlineData(true, 0, 10, 3, false, WarningVerdict.DeadlinePassed)]
    // Fired again after a crash: once only.
    [InlineData(true, 0, -60, 3, true, WarningVerdict.AlreadySent)]
    // Every delegation has voted.
    [InlineData(true, 0, -60, 0, false, WarningVerdict.NobodyLeft)]
    public void A_warning_that_fell_due_goes_out_only_while_it_still_means_something(bool running, int? deadlineMovedMinutes, int nowFromDeadlineMinutes, int waiting, bool alreadySent, WarningVerdict expected)
    {
        DateTime? current = deadlineMovedMinutes is { } moved ? Deadline.AddMinutes(moved) : null;

        var verdict = DeadlineWarnings.Decide(running, current, Deadline, Deadline.AddMinutes(nowFromDeadlineMinutes), waiting, alreadySent);

        Assert.Equal(expected, verdict);
    }
}
