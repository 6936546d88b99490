using CoordBot.Domain.Voting;

namespace CoordBot.Features.Voting;

/// <summary>One row of a vote's append-only, hash-chained log: every cast, changed or refused ballot.</summary>
public sealed class BallotLogEntry
{
    public long Id { get; set; }

    public long VoteId { get; set; }

    public long Sequence { get; set; }

    public required string DelegationCode { get; set; }

    public long UserId { get; set; }

    public VoteChoice? Choice { get; set; }

    public BallotEntryKind Kind { get; set; }

    public string? Reason { get; set; }

    public DateTime AtUtc { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }

    public BallotEntry ToDomain(string logId) => new(Sequence, logId, DelegationCode, UserId, Choice, Kind, Reason, DateTime.SpecifyKind(AtUtc, DateTimeKind.Utc), PreviousHash, Hash);

    public static BallotLogEntry From(long voteId, BallotEntry entry) => new()
    {
        VoteId = voteId,
        Sequence = entry.Sequence,
        DelegationCode = entry.DelegationCode,
        UserId = entry.UserId,
        Choice = entry.Choice,
        Kind = entry.Kind,
        Reason = entry.Reason,
        AtUtc = entry.AtUtc,
        PreviousHash = entry.PreviousHash,
        Hash = entry.Hash,
    };
}
