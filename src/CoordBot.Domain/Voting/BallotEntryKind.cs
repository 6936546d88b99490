namespace CoordBot.Domain.Voting;

public enum BallotEntryKind
{
    Cast,
    Changed,
    Refused,

    /// <summary>The vote was closed before its deadline (every delegation had voted): no ballot, the reason says how.</summary>
    Closed,
}
