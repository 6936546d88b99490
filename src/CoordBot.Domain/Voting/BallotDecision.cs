namespace CoordBot.Domain.Voting;

/// <summary>Whether a ballot is accepted, and how the log records it (Cast, Changed or Refused with the reason).</summary>
public sealed record BallotDecision(BallotEntryKind Kind, string? Reason)
{
    public bool Accepted => Kind != BallotEntryKind.Refused;
}
