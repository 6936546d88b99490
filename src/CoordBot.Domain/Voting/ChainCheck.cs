namespace CoordBot.Domain.Voting;

/// <summary>Result of verifying a ballot log: intact, or the index of the first broken entry and why.</summary>
public sealed record ChainCheck(bool IsIntact, int? BrokenAt, Reason? Why)
{
    public static ChainCheck Intact { get; } = new(true, null, null);

    public static ChainCheck Broken(int index, Reason why) => new(false, index, why);
}
