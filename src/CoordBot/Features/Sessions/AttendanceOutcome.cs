namespace CoordBot.Features.Sessions;

/// <summary>A delegation's answer, recorded.</summary>
public sealed record AttendanceRecorded(string DelegationCode, long SessionId, bool Attends);

/// <summary>Why an answer was not recorded, with the session it was about.</summary>
public sealed record AttendanceRefusal(AttendanceRefusalCode Code, long SessionId);

public enum AttendanceRefusalCode
{
    NotHeadOrDeputy,
    NoSuchSession,
    Cancelled,
    Over,
}
