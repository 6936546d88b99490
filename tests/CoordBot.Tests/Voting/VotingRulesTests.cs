namespace CoordBot.Tests.Voting;

/// <summary>For every Voting command: the declared rule is the one enforced, and /help offers exactly what it admits.</summary>
public sealed class VotingRulesTests
{
    private static readonly Dictionary<string, string> Arguments = new(StringComparer.Ordinal)
    {
        ["vote_open"] = "D3",
        ["vote"] = "D3 yes",
        ["tally"] = "D3",
        ["remind"] = "D3",
        ["explain"] = "D3 We voted in favour.",
        ["record"] = "D3",
        ["audit"] = "D3",
    };

    /// <summary>
    /// S stranger, B observer, A adviser, H head (not presiding), C head of the presiding delegation, O operator.
    /// /vote declares the rule that decides who votes (heads and deputies), so /help offers it to nobody else; a ballot
    /// it refuses is still logged in the vote's chain (<see cref="FamilyRules"/> counts only the ballots accepted).
    /// </summary>
    private static readonly Dictionary<string, string> Admitted = new(StringComparer.Ordinal)
    {
        ["vote_open"] = "CO",
        ["vote"] = "HC",
        ["tally"] = "BAHCO",
        ["remind"] = "CO",
        ["explain"] = "HC",
        ["record"] = "AHCO",
        ["audit"] = "BAHCO",
    };

    [Fact]
    public Task Every_declared_rule_is_the_one_enforced_and_help_offers_exactly_what_it_admits() =>
        FamilyRules.AssertEnforcedAsync(Admitted, Arguments);
}
