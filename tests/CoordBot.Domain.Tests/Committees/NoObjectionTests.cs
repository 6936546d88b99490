using System.Globalization;
using CoordBot.Domain.Committees;

namespace CoordBot.Domain.Tests.Committees;

public sealed class NoObjectionTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory]
    [InlineData("24", 24, false)]
    [InlineData("24h", 24, false)]
    [InlineData("5wd", 5, true)]
    [InlineData("5WD", 5, true)]
    [InlineData("30wd", 30, true)]
    [InlineData("720", 720, false)]
    public void Lengths_are_read_in_hours_or_working_days(string word, int count, bool workingDays) =>
        Assert.Equal(new SilenceLength(count, workingDays), SilenceLength.Read(word));

    [Theory]
    [InlineData("0")]
    [InlineData("721")]
    [InlineData("0wd")]
    [InlineData("31wd")]
    [InlineData("wd")]
    [InlineData("5 days")]
    [InlineData("-3wd")]
    public void Other_lengths_are_refused(string word) => Assert.Null(SilenceLength.Read(word));

    [Theory]
    // Monday 10:00 in New York + 5 working days: the next Monday, over the weekend.
    [InlineData("2026-12-07T15:00", "5wd", "2026-12-14T15:00")]
    // Thursday + 2 working days: Monday.
    [InlineData("2026-12-10T15:00", "2wd", "2026-12-14T15:00")]
    // Friday + 1 working day: Monday.
    [InlineData("2026-12-11T15:00", "1wd", "2026-12-14T15:00")]
    // Saturday + 1 working day: Monday at the same time of day.
    [InlineData("2026-12-12T15:00", "1wd", "2026-12-14T15:00")]
    // Across the end of daylight saving time (1 November 2026): the same local hour (10:00 EDT, then 10:00 EST).
    [InlineData("2026-10-30T14:00", "1wd", "2026-11-02T15:00")]
    // Hours are hours, weekend or not.
    [InlineData("2026-12-11T15:00", "24", "2026-12-12T15:00")]
    public void Deadlines_skip_weekends_when_counted_in_working_days(string start, string length, string deadline) =>
        Assert.Equal(Utc(deadline), NoObjection.Start(Utc(start), SilenceLength.Read(length)!.Value, NewYork).DeadlineUtc);

    /// <summary>
    /// Each step is "yyyy-MM-ddTHH:mm action [code] [reason]" (times UTC; New York is UTC-5 in December); "restart" rebuilds
    /// the procedure from what the bot stores. The expected deadline is empty while the clock is stopped.
    /// </summary>
    [Theory]
    // No objection, no hold: adopted at the deadline, not before.
    [InlineData("2026-12-07T15:00 start 5wd; 2026-12-14T14:59 conclude", "Running", "2026-12-14T15:00")]
    [InlineData("2026-12-07T15:00 start 5wd; 2026-12-14T15:00 conclude", "Adopted", "2026-12-14T15:00")]
    // A hold stops the clock: the deadline passes with nothing adopted.
    [InlineData("2026-12-07T15:00 start 5wd; 2026-12-09T15:00 hold EST capital; 2026-12-21T15:00 conclude", "Held", "")]
    // Lifting resumes it with the time that was left: held Wednesday with 3 working days left, lifted the next
    // Wednesday, due 3 working days later (the Monday after).
    [InlineData("2026-12-07T15:00 start 5wd; 2026-12-09T15:00 hold EST capital; 2026-12-16T15:00 lift EST", "Running", "2026-12-21T15:00")]
    // Lifted on a Saturday: the 3 working days left count from Monday 00:00, so it is due at the end of Wednesday.
    [InlineData("2026-12-07T15:00 start 5wd; 2026-12-09T15:00 hold EST; 2026-12-12T18:00 lift EST", "Running", "2026-12-17T05:00")]
    // In hours: 24 h, held after 10 h, lifted a day later: 14 h from then.
    [InlineData("2026-12-07T10:00 start 24; 2026-12-07T20:00 hold FRA; 2026-12-08T20:00 lift FRA", "Running", "2026-12-09T10:00")]
    // Two holds: the clock resumes only when both are lifted.
    [InlineData("2026-12-07T10:00 start 24; 2026-12-07T20:00 hold FRA; 2026-12-07T21:00 hold EST; 2026-12-08T20:00 lift FRA", "Held", "")]
    [InlineData("2026-12-07T10:00 start 24; 2026-12-07T20:00 hold FRA; 2026-12-07T21:00 hold EST; 2026-12-08T20:00 lift FRA; 2026-12-09T08:00 lift EST", "Running", "2026-12-09T22:00")]
    // An objection ends it, held or not.
    [InlineData("2026-12-07T10:00 start 24; 2026-12-07T12:00 object USA", "Failed", "")]
    [InlineData("2026-12-07T10:00 start 24; 2026-12-07T12:00 hold FRA; 2026-12-07T13:00 object USA; 2026-12-09T13:00 conclude", "Failed", "")]
    // A restart in between changes nothing: held, restarted, lifted; running, restarted, concluded.
    [InlineData("2026-12-07T15:00 start 5wd; 2026-12-09T15:00 hold EST capital; restart; 2026-12-16T15:00 lift EST; restart; 2026-12-21T15:00 conclude", "Adopted", "2026-12-21T15:00")]
    [InlineData("2026-12-07T10:00 start 24; restart; 2026-12-08T09:00 conclude", "Running", "2026-12-08T10:00")]
    public void The_procedure_follows_its_steps(string steps, string status, string deadline)
    {
        var procedure = Run(steps);

        Assert.Equal(Enum.Parse<NoObjectionStatus>(status), procedure.Status);
        Assert.Equal(deadline.Length == 0 ? null : Utc(deadline), procedure.DeadlineUtc);
    }

    [Theory]
    // The same member cannot hold twice; a member holding nothing cannot lift.
    [InlineData("2026-12-07T10:00 start 24; 2026-12-07T11:00 hold EST", "2026-12-07T12:00 hold EST", "AlreadyHolds:EST")]
    [InlineData("2026-12-07T10:00 start 24; 2026-12-07T11:00 hold EST", "2026-12-07T12:00 lift FRA", "HoldsNothing:FRA")]
    // Once over, nothing more: after an objection, after adoption, after the deadline passed unseen.
    [InlineData("2026-12-07T10:00 start 24; 2026-12-07T11:00 object USA", "2026-12-07T12:00 hold EST", "NoObjectionOver")]
    [InlineData("2026-12-07T10:00 start 24; 2026-12-08T11:00 conclude", "2026-12-08T12:00 object EST", "NoObjectionOver")]
    [InlineData("2026-12-07T10:00 start 24", "2026-12-08T10:00 hold EST", "NoObjectionDeadlinePassed")]
    public void Steps_out_of_turn_are_refused_and_change_nothing(string steps, string step, string reason)
    {
        var before = Run(steps);

        var refused = Apply(before, step);

        Assert.False(refused.IsAccepted);
        Assert.Equal(Expected.Reason(reason), refused.Refusal);
    }

    [Fact]
    public void A_hold_keeps_its_reason_for_the_committee()
    {
        var held = Run("2026-12-07T10:00 start 24; 2026-12-07T11:00 hold EST awaiting instructions from capital");

        Assert.Equal([new SilenceHold("EST", "awaiting instructions from capital", Utc("2026-12-07T11:00"))], held.Holds);
        Assert.Equal(TimeSpan.FromHours(23), held.Remaining);
    }

    [Theory]
    // Friday 12:00 to Monday 12:00 New York is one working day; Saturday to Sunday is none.
    [InlineData("2026-12-11T17:00", "2026-12-14T17:00", 24)]
    [InlineData("2026-12-12T17:00", "2026-12-13T17:00", 0)]
    [InlineData("2026-12-14T17:00", "2026-12-11T17:00", 0)]
    public void Working_time_between_two_instants_leaves_out_weekends(string from, string to, int hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), WorkingTime.Between(Utc(from), Utc(to), NewYork));

    private static NoObjection Run(string steps)
    {
        NoObjection? procedure = null;
        foreach (var step in steps.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (step == "restart")
            {
                // What the bot keeps: the deadline or the time left, whether in working days, and the holds.
                procedure = NoObjection.Restore(procedure!.DeadlineUtc, procedure.Remaining, procedure.WorkingDays, [.. procedure.Holds]);
                continue;
            }

            var words = step.Split(' ');
            procedure = words[1] == "start"
                ? NoObjection.Start(Utc(words[0]), SilenceLength.Read(words[2])!.Value, NewYork)
                : Apply(procedure!, step).Value;
        }

        return procedure!;
    }

    private static Outcome<NoObjection, Reason> Apply(NoObjection procedure, string step)
    {
        var words = step.Split(' ', 4);
        var at = Utc(words[0]);
        return words[1] switch
        {
            "hold" => procedure.Hold(words[2], words.Length > 3 ? words[3] : null, at, NewYork),
            "lift" => procedure.Lift(words[2], at, NewYork),
            "object" => procedure.Raise(words[2], at),
            "conclude" => Outcome<NoObjection, Reason>.Accept(procedure.Conclude(at)),
            _ => throw new ArgumentException($"unknown step {step}", nameof(step)),
        };
    }

    private static DateTime Utc(string text) =>
        DateTime.SpecifyKind(DateTime.ParseExact(text, "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture), DateTimeKind.Utc);
}
