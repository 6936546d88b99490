namespace CoordBot.Domain.Deadlines;

/// <summary>One warning before a deadline: how long before it, and the UTC instant it goes out.</summary>
public sealed record PlannedWarning(TimeSpan Offset, DateTime FireAtUtc);

/// <summary>Why a warning that fell due is sent or not.</summary>
public enum WarningVerdict
{
    /// <summary>Still meaningful: send it.</summary>
    Send,

    /// <summary>The procedure is over: the silence was broken or concluded, the vote closed, the draft withdrawn.</summary>
    Over,

    /// <summary>The deadline was moved since the warning was planned; the new deadline has warnings of its own.</summary>
    DeadlineMoved,

    /// <summary>The deadline has passed: a warning now would announce what already happened.</summary>
    DeadlinePassed,

    /// <summary>Nobody is left to warn (every delegation has voted).</summary>
    NobodyLeft,

    /// <summary>This very warning already went out (a firing recovered after a crash).</summary>
    AlreadySent,
}

/// <summary>
/// Warnings before a silence or vote deadline (issue 24 item 2): which go out, and whether one that fell due still
/// means anything. Pure: every instant is passed in, UTC.
/// </summary>
public static class DeadlineWarnings
{
    /// <summary>
    /// The warnings to schedule for <paramref name="deadlineUtc"/>, set (or moved, or re-asserted at start) at
    /// <paramref name="sinceUtc"/>, latest offset first. A warning whose time is not after <paramref name="sinceUtc"/> is
    /// left out: an offset longer than the window (a silence of 1 hour with a 2-hour warning) would repeat at once the
    /// deadline everyone was just told, and one missed while the bot was down is already in the job store, which fires it.
    /// Offsets that are zero or negative, or repeated, count once or not at all.
    /// </summary>
    public static IReadOnlyList<PlannedWarning> Plan(DateTime deadlineUtc, IEnumerable<TimeSpan> offsets, DateTime sinceUtc)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        return offsets
            .Where(o => o > TimeSpan.Zero)
            .Distinct()
            .OrderByDescending(o => o)
            .Select(o => new PlannedWarning(o, deadlineUtc - o))
            .Where(w => w.FireAtUtc > sinceUtc)
            .ToList();
    }

    /// <summary>
    /// Whether a warning planned for <paramref name="plannedDeadlineUtc"/> still goes out at <paramref name="nowUtc"/>.
    /// </summary>
    /// <param name="running">The silence is still on, the vote still open.</param>
    /// <param name="currentDeadlineUtc">The deadline as it stands now.</param>
    /// <param name="waiting">How many would receive it (delegations yet to vote; the circulation list for a silence).</param>
    /// <param name="alreadySent">This warning (deadline and offset) was already sent.</param>
    public static WarningVerdict Decide(bool running, DateTime? currentDeadlineUtc, DateTime plannedDeadlineUtc, DateTime nowUtc, int waiting, bool alreadySent) =>
        !running || currentDeadlineUtc is null ? WarningVerdict.Over
        : currentDeadlineUtc.Value != plannedDeadlineUtc ? WarningVerdict.DeadlineMoved
        : nowUtc >= plannedDeadlineUtc ? WarningVerdict.DeadlinePassed
        : alreadySent ? WarningVerdict.AlreadySent
        : waiting <= 0 ? WarningVerdict.NobodyLeft
        : WarningVerdict.Send;
}
