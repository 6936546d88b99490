namespace CoordBot.Domain.Voting;

/// <summary>
/// When a vote closes: at its deadline, or earlier once every delegation has voted and the grace has passed with no
/// change (so that a mis-tapped ballot can still be corrected). A grace of zero closes the moment the last delegation votes.
/// </summary>
public static class VoteClosingRules
{
    /// <param name="everyoneVoted">Every delegation whose vote is taken has a current vote.</param>
    /// <param name="lastChangeUtc">When the last current vote was cast or changed.</param>
    public static VoteClosingDecision Decide(DateTime nowUtc, DateTime closesAtUtc, bool everyoneVoted, DateTime? lastChangeUtc, TimeSpan grace)
    {
        if (grace < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(grace), grace, "A grace cannot be negative.");
        }

        if (nowUtc >= closesAtUtc)
        {
            return new(VoteClosingKind.AtDeadline, null);
        }

        if (!everyoneVoted || lastChangeUtc is not { } last)
        {
            return new(VoteClosingKind.Wait, closesAtUtc);
        }

        var early = last + grace;
        if (nowUtc >= early)
        {
            return new(VoteClosingKind.Early, null);
        }

        return new(VoteClosingKind.Wait, early < closesAtUtc ? early : closesAtUtc);
    }
}

/// <summary>What to do with an open vote now, and if it stays open, when to look again.</summary>
public sealed record VoteClosingDecision(VoteClosingKind Kind, DateTime? NextCheckUtc);

public enum VoteClosingKind
{
    /// <summary>Stays open: <see cref="VoteClosingDecision.NextCheckUtc"/> says until when at most.</summary>
    Wait,

    /// <summary>The deadline has come.</summary>
    AtDeadline,

    /// <summary>Everyone has voted and the grace has passed with no change.</summary>
    Early,
}
