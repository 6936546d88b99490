namespace CoordBot.Domain.Voting;

public enum BallotEntryKind
{
    Cast,
    Changed,
    Refused,
}
