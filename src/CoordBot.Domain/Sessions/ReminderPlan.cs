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
    /// </summary>
    /// <param name="offsets">How long before the start each reminder fires; must not be negative.</param>
    public static IReadOnlyList<PlannedReminder> Due(DateTime startUtc, IReadOnlyList<TimeSpan> offsets, DateTime nowUtc)
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
            .Select(o => new PlannedReminder(o, startUtc - o, SendNow: false));
        var latestMissed = distinct.LastOrDefault(o => startUtc - o <= nowUtc, TimeSpan.MinValue);
        var missed = latestMissed == TimeSpan.MinValue
            ? []
            : new[] { new PlannedReminder(latestMissed, startUtc - latestMissed, SendNow: true) };
        return missed.Concat(future).ToList();
    }
}
