using CoordBot.Domain.Membership;
using CoordBot.Domain.Sessions;
using CoordBot.Features.Sessions;
using CoordBot.Persistence;
using CoordBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Tests.Sessions;

/// <summary>An attendance answer is a typed outcome: the command's reply and the button's answer both come from it, never from a text.</summary>
public sealed class AttendanceTests : IDisposable
{
    private static readonly Actor EstHead = new(201, "Sven", false, "EST", DelegationRole.Head);
    // Who may answer is the gate's (the rule /attend and its buttons declare: ButtonGateTests, SessionsRulesTests); the
    // service still answers someone of no delegation with a code, never an exception.
    private static readonly Actor NoDelegation = new(202, "Kadri", true);
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    public void Dispose() => connection.Dispose();

    [Fact]
    public async Task Refusals_carry_a_code_record_nothing_and_the_button_answers_from_the_code()
    {
        await using var db = await DbWithSessionsAsync();
        var attendance = new Attendance();

        var adviser = await attendance.RecordAsync(db, NoDelegation, 1, true, TestContexts.Now, CancellationToken.None);
        var missing = await attendance.RecordAsync(db, EstHead, 9, true, TestContexts.Now, CancellationToken.None);
        var cancelled = await attendance.RecordAsync(db, EstHead, 2, true, TestContexts.Now, CancellationToken.None);

        Assert.Equal(AttendanceRefusalCode.NotHeadOrDeputy, adviser.Refusal?.Code);
        Assert.Equal(AttendanceRefusalCode.NoSuchSession, missing.Refusal?.Code);
        Assert.Equal(AttendanceRefusalCode.Cancelled, cancelled.Refusal?.Code);
        Assert.Equal("Only the head of delegation or the deputy answers for the delegation.", SessionsText.AttendanceButton(adviser));
        Assert.Equal("There is no session S9.", SessionsText.AttendanceButton(missing));
        Assert.Equal("S2 is cancelled.", SessionsText.AttendanceButton(cancelled));
        Assert.Empty(db.ChangeTracker.Entries<SessionAttendance>());
        Assert.Empty(db.ChangeTracker.Entries<AuditEntry>());
    }

    [Fact]
    public async Task An_answer_is_recorded_for_the_presser_s_own_delegation()
    {
        await using var db = await DbWithSessionsAsync();

        var outcome = await new Attendance().RecordAsync(db, EstHead, 1, false, TestContexts.Now, CancellationToken.None);
        await db.SaveChangesAsync();

        Assert.Equal(new AttendanceRecorded("EST", 1, false), outcome.Value);
        Assert.Equal("Noted: you do not attend.", SessionsText.AttendanceButton(outcome));
        var row = await db.SessionAttendances.SingleAsync();
        Assert.Equal(("EST", false, EstHead.UserId), (row.DelegationCode, row.Attends, row.AnsweredBy));
    }

    private async Task<CoordBotDb> DbWithSessionsAsync()
    {
        connection.Open();
        var db = new CoordBotDb(new DbContextOptionsBuilder<CoordBotDb>().UseSqlite(connection).Options);
        await db.Database.EnsureCreatedAsync();
        db.Sessions.AddRange(
            new Session { Title = "Libya", Format = SessionFormat.Closed, StartUtc = TestContexts.Now.AddDays(1), DurationMinutes = 60, ZoneId = "UTC", CreatedBy = 1 },
            new Session { Title = "Yemen", Format = SessionFormat.Closed, StartUtc = TestContexts.Now.AddDays(1), DurationMinutes = 60, ZoneId = "UTC", CreatedBy = 1, CancelledAt = TestContexts.Now });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return db;
    }
}
