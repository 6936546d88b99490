namespace CoordBot.Features.Voting;

/// <summary>A delegation's written explanation of vote, given with the vote or within the window after the result.</summary>
public sealed class ExplanationOfVote
{
    public long Id { get; set; }

    public long VoteId { get; set; }

    public required string DelegationCode { get; set; }

    public long UserId { get; set; }

    public required string Text { get; set; }

    public DateTime At { get; set; }
}
