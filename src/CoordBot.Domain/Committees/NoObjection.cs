namespace CoordBot.Domain.Committees;

/// <summary>A hold placed by a member on a decision under the no-objection procedure, with the reason the committee sees.</summary>
public sealed record SilenceHold(string Code, string? Reason, DateTime PlacedAtUtc);

/// <summary>Where a no-objection procedure stands.</summary>
public enum NoObjectionStatus
{
    /// <summary>The deadline runs.</summary>
    Running,

    /// <summary>One member or more holds it: the deadline is stopped with <see cref="NoObjection.Remaining"/> left.</summary>
    Held,

    /// <summary>No objection and no hold at the deadline.</summary>
    Adopted,

    /// <summary>A member objected.</summary>
    Failed,
}

/// <summary>
/// The committees' no-objection procedure, pure: the chair circulates a draft decision with a deadline (hours, or working
/// days that skip weekends); a member may object (the decision fails) or place a hold, which stops the clock until every
/// holder lifts theirs (the time that was left is restored); with no objection and no hold at the deadline the decision
/// is adopted. Every state is a value that the bot stores and rebuilds after a restart. A refusal is an English clause
/// with a <c>Reason.*</c> catalogue entry.
/// </summary>
public sealed record NoObjection(
    NoObjectionStatus Status,
    DateTime? DeadlineUtc,
    TimeSpan? Remaining,
    bool WorkingDays,
    IReadOnlyList<SilenceHold> Holds)
{

    /// <summary>The chair circulates the decision at <paramref name="nowUtc"/>.</summary>
    public static NoObjection Start(DateTime nowUtc, SilenceLength length, TimeZoneInfo zone)
        => new(NoObjectionStatus.Running, length.DeadlineFrom(nowUtc, zone), null, length.WorkingDays, []);

    /// <summary>The procedure as the bot stored it: a deadline while it runs, the time left while it is held.</summary>
    public static NoObjection Restore(DateTime? deadlineUtc, TimeSpan? remaining, bool workingDays, IReadOnlyList<SilenceHold> holds)
    {
        ArgumentNullException.ThrowIfNull(holds);
        return holds.Count > 0
            ? new(NoObjectionStatus.Held, null, remaining ?? TimeSpan.Zero, workingDays, holds)
            : new(NoObjectionStatus.Running, deadlineUtc, null, workingDays, holds);
    }

    /// <summary>Whether the procedure is still open (running or held).</summary>
    public bool IsOpen => Status is NoObjectionStatus.Running or NoObjectionStatus.Held;

    /// <summary>Whether the deadline has passed with no hold (the decision is to be adopted now).</summary>
    public bool IsDue(DateTime nowUtc) => Status == NoObjectionStatus.Running && DeadlineUtc <= nowUtc;

    /// <summary><paramref name="code"/> places a hold: the first hold stops the clock and keeps the time left.</summary>
    public Outcome<NoObjection, Reason> Hold(string code, string? reason, DateTime nowUtc, TimeZoneInfo zone)
    {
        if (Refuse(nowUtc) is { } refused)
        {
            return Outcome<NoObjection, Reason>.Refuse(refused);
        }

        if (Holds.Any(h => h.Code == code))
        {
            return Outcome<NoObjection, Reason>.Refuse(Reason.Of(ReasonCode.AlreadyHolds, code));
        }

        var remaining = Status == NoObjectionStatus.Held ? Remaining : Left(DeadlineUtc!.Value, nowUtc, zone);
        return Outcome<NoObjection, Reason>.Accept(this with
        {
            Status = NoObjectionStatus.Held,
            DeadlineUtc = null,
            Remaining = remaining,
            Holds = [.. Holds, new SilenceHold(code, reason, nowUtc)],
        });
    }

    /// <summary><paramref name="code"/> lifts its hold; when it was the last, the clock resumes with the time that was left.</summary>
    public Outcome<NoObjection, Reason> Lift(string code, DateTime nowUtc, TimeZoneInfo zone)
    {
        if (!IsOpen)
        {
            return Outcome<NoObjection, Reason>.Refuse(Reason.Of(ReasonCode.NoObjectionOver));
        }

        if (!Holds.Any(h => h.Code == code))
        {
            return Outcome<NoObjection, Reason>.Refuse(Reason.Of(ReasonCode.HoldsNothing, code));
        }

        var holds = Holds.Where(h => h.Code != code).ToList();
        return Outcome<NoObjection, Reason>.Accept(holds.Count > 0
            ? this with { Holds = holds }
            : this with { Status = NoObjectionStatus.Running, DeadlineUtc = Resume(nowUtc, Remaining ?? TimeSpan.Zero, zone), Remaining = null, Holds = holds });
    }

    /// <summary><paramref name="code"/> raises an objection: the decision fails, whatever holds there are.</summary>
    public Outcome<NoObjection, Reason> Raise(string code, DateTime nowUtc)
    {
        _ = code;
        return Refuse(nowUtc) is { } refused
            ? Outcome<NoObjection, Reason>.Refuse(refused)
            : Outcome<NoObjection, Reason>.Accept(this with { Status = NoObjectionStatus.Failed, DeadlineUtc = null, Remaining = null, Holds = [] });
    }

    /// <summary>At <paramref name="nowUtc"/>: adopted when the deadline has passed with no hold; otherwise unchanged.</summary>
    public NoObjection Conclude(DateTime nowUtc) =>
        IsDue(nowUtc) ? this with { Status = NoObjectionStatus.Adopted } : this;

    private Reason? Refuse(DateTime nowUtc) =>
        !IsOpen ? Reason.Of(ReasonCode.NoObjectionOver)
        : IsDue(nowUtc) ? Reason.Of(ReasonCode.NoObjectionDeadlinePassed)
        : null;

    private TimeSpan Left(DateTime deadlineUtc, DateTime nowUtc, TimeZoneInfo zone) =>
        WorkingDays ? WorkingTime.Between(nowUtc, deadlineUtc, zone) : deadlineUtc - nowUtc;

    private DateTime Resume(DateTime nowUtc, TimeSpan remaining, TimeZoneInfo zone) =>
        WorkingDays ? WorkingTime.Add(nowUtc, remaining, zone) : nowUtc + remaining;
}
