using CoordBot.Domain.Council;
using CoordBot.Domain.Voting;

namespace CoordBot.Features.Voting;

/// <summary>
/// The one place a vote is counted: its current ballots and the decision they make under the vote's rule. A ballot, a
/// result, a /tally, a vote record and an export all read the count from here.
/// </summary>
public static class VoteTally
{
    public static VoteCount Of(CouncilDefinition council, Vote vote, IReadOnlyList<Ballot> ballots)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(ballots);
        var votes = ballots.ToDictionary(b => b.DelegationCode, b => b.Choice, StringComparer.Ordinal);
        var result = DecisionRules.Decide(vote.Rule, vote.Matter, council, vote.Voting.ToHashSet(StringComparer.Ordinal), votes);
        return new VoteCount(ballots, result);
    }
}
