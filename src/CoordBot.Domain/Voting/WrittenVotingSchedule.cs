using CoordBot.Domain.Council;

namespace CoordBot.Domain.Voting;

/// <summary>The deadlines of the written voting procedure (S/2020/253) for a vote started at a given instant.</summary>
public sealed record WrittenVotingSchedule(DateTime StartUtc, DateTime ClosesAtUtc, DateTime ExplanationsUntilUtc, DateTime ResultDueByUtc)
{
    /// <summary>The letter gives the president 36 hours from the start of voting to announce the result.</summary>
    public static readonly TimeSpan ResultWithin = TimeSpan.FromHours(36);

    /// <param name="window">The voting window the chair chose; by default the council's.</param>
    public static WrittenVotingSchedule For(DateTime startUtc, CouncilDefinition council, TimeSpan? window = null)
    {
        ArgumentNullException.ThrowIfNull(council);
        var closes = startUtc + (window ?? TimeSpan.FromHours(council.VotingHours));
        var explanations = ExplanationsUntil(closes, council);
        // A council with longer windows than 2020's cannot announce before they end.
        var due = Max(startUtc + ResultWithin, explanations);
        return new WrittenVotingSchedule(startUtc, closes, explanations, due);
    }

    /// <summary>
    /// Explanations of vote are accepted for the council's window after voting closed: at the deadline, or
    /// earlier when every delegation has voted (the window then opens with the result).
    /// </summary>
    public static DateTime ExplanationsUntil(DateTime closedUtc, CouncilDefinition council)
    {
        ArgumentNullException.ThrowIfNull(council);
        return closedUtc.AddHours(council.ExplanationHours);
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
