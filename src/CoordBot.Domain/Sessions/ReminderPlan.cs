namespace CoordBot.Domain.Sessions;

/// <summary>Which reminders before a session are still meaningful at a given instant.</summary>
public static class ReminderPlan
{
    /// <summary>
    /// Reminders fire at start minus each offset, computed on the UTC instant, so daylight-saving changes
    /// in any reader's zone cannot move them. Policy for missed reminders (the bot was down, or the session
    /// was scheduled at short notice): once the session has started none is sent; before that, only the
    /// latest missed one is sent now, since a burst of stale "in 24 hours / in 1 hour" messages would
    /// mislead. Reminders still in the future are all kept.
    /// <para>
    /// A reminder that fell due before the session was even announced (scheduled or moved at short notice) is
    /// overtaken by the announcement itself: it is dropped when a later reminder is still to come, so the
    /// announcement is not followed at once by a "reminder" of it. Only when no reminder remains before the
    /// start does the latest missed one still go, as the last call.
    /// </para>
    /// </summary>
    /// <param name="offsets">How long before the start each reminder fires; must not be negative.</param>
    /// <param name="announcedUtc">When everyone was told of this start (the schedule or the move); null: unknown.</param>
    public static IReadOnlyList<PlannedReminder> Due(DateTime startUtc, IReadOnlyList<TimeSpan> offsets, DateTime nowUtc, DateTime? announcedUtc = null)
    {
        if (offsets.Any(o => o < TimeSpan.Zero))
        {
            throw new ArgumentOutOfRangeException(nameof(offsets), "Reminder offsets are before the start and cannot be negative.");
        }

        if (nowUtc >= startUtc)
        {
            return [];
        }

        var distinct = offsets.Distinct().OrderByDescending(o => o).ToList();
        var future = distinct
            .Where(o => startUtc - o > nowUtc)
            .Select(o => new PlannedReminder(o, startUtc - o, SendNow: false))
            .ToList();
        var latestMissed = distinct.LastOrDefault(o => startUtc - o <= nowUtc, TimeSpan.MinValue);
        var overtaken = latestMissed != TimeSpan.MinValue && announcedUtc is { } announced && startUtc - latestMissed <= announced && future.Count > 0;
        var missed = latestMissed == TimeSpan.MinValue || overtaken
            ? []
            : new[] { new PlannedReminder(latestMissed, startUtc - latestMissed, SendNow: true) };
        return missed.Concat(future).ToList();
    }
}
