using CoordBot.Domain.Council;

namespace CoordBot.Domain.Voting;

/// <summary>The deadlines of the written voting procedure (S/2020/253) for a vote started at a given instant.</summary>
public sealed record WrittenVotingSchedule(DateTime StartUtc, DateTime ClosesAtUtc, DateTime ExplanationsUntilUtc, DateTime ResultDueByUtc)
{
    /// <summary>The letter gives the president 36 hours from the start of voting to announce the result.</summary>
    public static readonly TimeSpan ResultWithin = TimeSpan.FromHours(36);

    public static WrittenVotingSchedule For(DateTime startUtc, CouncilDefinition council)
    {
        var closes = startUtc.AddHours(council.VotingHours);
        var explanations = closes.AddHours(council.ExplanationHours);
        // A council with longer windows than 2020's cannot announce before they end.
        var due = Max(startUtc + ResultWithin, explanations);
        return new WrittenVotingSchedule(startUtc, closes, explanations, due);
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
