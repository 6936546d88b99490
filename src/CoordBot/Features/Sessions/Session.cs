using CoordBot.Domain.Sessions;

namespace CoordBot.Features.Sessions;

/// <summary>A virtual meeting of the council. The start is a UTC instant; <see cref="ZoneId"/> is the IANA zone its author meant.</summary>
public sealed class Session : CoordBot.Persistence.IBodyOwned
{
    /// <summary>The body this belongs to (issue 25).</summary>
    public int BodyId { get; set; }

    public long Id { get; set; }

    public required string Title { get; set; }

    public SessionFormat Format { get; set; }

    public DateTime StartUtc { get; set; }

    public int DurationMinutes { get; set; }

    public required string ZoneId { get; set; }

    /// <summary>The delegation convening an Arria-formula meeting; null for meetings convened by the chair.</summary>
    public string? ConvenorCode { get; set; }

    public long CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? CancelledAt { get; set; }

    /// <summary>The videoconference link (https only), shown wherever the session is; set with /meeting_link.</summary>
    public string? MeetingUrl { get; set; }

    public DateTime EndUtc => StartUtc.AddMinutes(DurationMinutes);

    public string Label => SessionIds.Label(Id);
}

/// <summary>A delegation's answer to "do you attend?"; no row means undecided.</summary>
public sealed class SessionAttendance
{
    public long SessionId { get; set; }

    public required string DelegationCode { get; set; }

    public bool Attends { get; set; }

    public long AnsweredBy { get; set; }

    public DateTime AnsweredAt { get; set; }
}

/// <summary>A reminder that went out, keyed by the start it was for, so a job run twice (recovery) or re-planned sends it once.</summary>
public sealed class SessionReminderSent
{
    public long SessionId { get; set; }

    public DateTime StartUtc { get; set; }

    public long OffsetSeconds { get; set; }

    public DateTime SentAt { get; set; }
}
