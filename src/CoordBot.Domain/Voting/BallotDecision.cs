namespace CoordBot.Domain.Voting;

/// <summary>
/// Whether a ballot is accepted, and how the log records it (Cast, Changed or Refused with the reason; the log stores the
/// reason's English words, which its hash covers).
/// </summary>
public sealed record BallotDecision(BallotEntryKind Kind, Reason? Reason)
{
    public bool Accepted => Kind != BallotEntryKind.Refused;
}
