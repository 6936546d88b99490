namespace CoordBot.Domain.Voting;

public enum VoteChoice
{
    Yes,
    No,
    Abstain,
}
