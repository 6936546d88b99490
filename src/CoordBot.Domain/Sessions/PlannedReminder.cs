namespace CoordBot.Domain.Sessions;

/// <summary>A reminder that is still worth sending: now (its time has come or passed) or at FireAtUtc.</summary>
public sealed record PlannedReminder(TimeSpan Offset, DateTime FireAtUtc, bool SendNow);
