namespace CoordBot.Domain.Council;

/// <summary>The spellings of decision rules in the council JSON ("council", "majority", "two-thirds", "consensus").</summary>
public static class DecisionRuleNames
{
    public static string ToName(DecisionRuleKind rule) => rule switch
    {
        DecisionRuleKind.Council => "council",
        DecisionRuleKind.Majority => "majority",
        DecisionRuleKind.TwoThirds => "two-thirds",
        DecisionRuleKind.Consensus => "consensus",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };

    public static Result<DecisionRuleKind> Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "council" => Result.Ok(DecisionRuleKind.Council),
        "majority" => Result.Ok(DecisionRuleKind.Majority),
        "two-thirds" => Result.Ok(DecisionRuleKind.TwoThirds),
        "consensus" => Result.Ok(DecisionRuleKind.Consensus),
        _ => Result.Fail<DecisionRuleKind>(
            $"unknown rule \"{name}\" (expected council, majority, two-thirds or consensus)"),
    };
}
