using CoordBot.Domain.Sessions;

namespace CoordBot.Domain.Tests.Sessions;

public sealed class ReminderPlanTests
{
    private static readonly DateTime Start = new(2020, 3, 29, 14, 0, 0, DateTimeKind.Utc); // the day Europe moved its clocks

    private static readonly TimeSpan[] Offsets = [TimeSpan.FromHours(24), TimeSpan.FromHours(1), TimeSpan.FromMinutes(10)];

    [Theory]
    // Well ahead: all three in the future, none now.
    [InlineData(-48 * 60, "", "1440 60 10")]
    // Exactly at a fire time: that one is sent now.
    [InlineData(-24 * 60, "1440", "60 10")]
    // Missed the 24-hour one: sent late because the session has not started.
    [InlineData(-120, "1440", "60 10")]
    // Missed two: only the latest (1 hour) is sent.
    [InlineData(-30, "60", "10")]
    [InlineData(-5, "10", "")]
    // Once the session has started nothing is meaningful.
    [InlineData(0, "", "")]
    [InlineData(30, "", "")]
    public void Only_the_latest_missed_reminder_is_sent_and_only_before_the_start(int minutesFromStart, string sendNow, string later)
    {
        var plan = ReminderPlan.Due(Start, Offsets, Start.AddMinutes(minutesFromStart));

        Assert.Equal(sendNow, Minutes(plan.Where(p => p.SendNow)));
        Assert.Equal(later, Minutes(plan.Where(p => !p.SendNow)));
        Assert.All(plan, p => Assert.Equal(Start - p.Offset, p.FireAtUtc));
    }

    [Theory]
    // Announced 2 hours before: the 24-hour reminder is overtaken by the announcement, the later ones stay.
    [InlineData(-120, "", "60 10")]
    // Announced 30 minutes before: the 1-hour one is overtaken, the 10-minute one is still to come.
    [InlineData(-30, "", "10")]
    // Announced 5 minutes before: nothing later remains, so the latest missed one still goes as the last call.
    [InlineData(-5, "10", "")]
    public void A_reminder_due_before_the_announcement_is_overtaken_by_it_while_a_later_one_remains(int minutesFromStart, string sendNow, string later)
    {
        var now = Start.AddMinutes(minutesFromStart);

        var plan = ReminderPlan.Due(Start, Offsets, now, announcedUtc: now);

        Assert.Equal(sendNow, Minutes(plan.Where(p => p.SendNow)));
        Assert.Equal(later, Minutes(plan.Where(p => !p.SendNow)));
    }

    [Fact]
    public void A_reminder_missed_after_the_announcement_is_still_sent_late()
    {
        // Announced two days ahead; the bot was down when the 24-hour reminder fell due.
        var plan = ReminderPlan.Due(Start, Offsets, Start.AddMinutes(-120), announcedUtc: Start.AddDays(-2));

        Assert.Equal("1440", Minutes(plan.Where(p => p.SendNow)));
    }

    [Fact]
    public void Fire_times_are_exact_utc_offsets_across_a_daylight_saving_change()
    {
        var plan = ReminderPlan.Due(Start, [TimeSpan.FromHours(24)], Start.AddDays(-2));

        Assert.Equal(new DateTime(2020, 3, 28, 14, 0, 0, DateTimeKind.Utc), plan.Single().FireAtUtc);
    }

    [Fact]
    public void Duplicate_offsets_give_one_reminder()
    {
        Assert.Single(ReminderPlan.Due(Start, [TimeSpan.FromHours(1), TimeSpan.FromHours(1)], Start.AddDays(-1)));
    }

    [Fact]
    public void Negative_offsets_are_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReminderPlan.Due(Start, [TimeSpan.FromMinutes(-5)], Start.AddDays(-1)));
    }

    private static string Minutes(IEnumerable<PlannedReminder> reminders) =>
        string.Join(" ", reminders.Select(r => (int)r.Offset.TotalMinutes));
}
