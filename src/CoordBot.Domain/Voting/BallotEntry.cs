namespace CoordBot.Domain.Voting;

/// <summary>
/// One line of a vote's append-only ballot log. Each entry's hash covers its fields and the previous
/// entry's hash, so editing, removing or reordering any entry breaks the chain.
/// </summary>
public sealed record BallotEntry(
    long Sequence,
    string VoteId,
    string DelegationCode,
    long UserId,
    VoteChoice? Choice,
    BallotEntryKind Kind,
    string? Reason,
    DateTime AtUtc,
    string PreviousHash,
    string Hash);
