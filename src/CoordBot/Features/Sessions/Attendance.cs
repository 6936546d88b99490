using CoordBot.Domain;
using CoordBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Sessions;

/// <summary>A delegation's answer to a session, by its head or deputy, for its own delegation only.</summary>
public sealed class Attendance
{
    /// <summary>Records the answer (the caller's unit of work saves it), or says why not.</summary>
    public async Task<Outcome<AttendanceRecorded, AttendanceRefusal>> RecordAsync(CoordBotDb db, Actor actor, long sessionId, bool attends, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);

        // The command and the buttons declare Permissions.MayAnswerAttendance, which the router has asked: a member of a delegation.
        if (actor.DelegationCode is not { } code)
        {
            return Refuse(AttendanceRefusalCode.NotHeadOrDeputy);
        }

        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null || !SessionAccess.CanSee(session, actor))
        {
            return Refuse(AttendanceRefusalCode.NoSuchSession);
        }

        if (session.CancelledAt is not null)
        {
            return Refuse(AttendanceRefusalCode.Cancelled);
        }

        if (session.EndUtc <= nowUtc)
        {
            return Refuse(AttendanceRefusalCode.Over);
        }

        var answer = await db.SessionAttendances.SingleOrDefaultAsync(a => a.SessionId == sessionId && a.DelegationCode == code, cancellationToken);
        if (answer is null)
        {
            answer = new SessionAttendance { SessionId = sessionId, DelegationCode = code };
            db.SessionAttendances.Add(answer);
        }

        answer.Attends = attends;
        answer.AnsweredBy = actor.UserId;
        answer.AnsweredAt = nowUtc;
        db.AuditEntries.Add(new AuditEntry { At = nowUtc, ActorUserId = actor.UserId, Action = "session.attendance", Details = $"{session.Label} {code} {(attends ? "yes" : "no")}" });
        return Outcome<AttendanceRecorded, AttendanceRefusal>.Accept(new(code, sessionId, attends));

        Outcome<AttendanceRecorded, AttendanceRefusal> Refuse(AttendanceRefusalCode why) =>
            Outcome<AttendanceRecorded, AttendanceRefusal>.Refuse(new(why, sessionId));
    }
}
