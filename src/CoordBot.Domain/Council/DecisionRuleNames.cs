namespace CoordBot.Domain.Council;

/// <summary>The spellings of decision rules in the council JSON ("council", "majority", "two-thirds", "consensus", "consensus-first").</summary>
public static class DecisionRuleNames
{
    public static string ToName(DecisionRuleKind rule) => rule switch
    {
        DecisionRuleKind.Council => "council",
        DecisionRuleKind.Majority => "majority",
        DecisionRuleKind.TwoThirds => "two-thirds",
        DecisionRuleKind.Consensus => "consensus",
        DecisionRuleKind.ConsensusFirst => "consensus-first",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };

    /// <summary>The rules as the other official languages write them, one word each (shown by /vote_open's usage line in that language).</summary>
    private static readonly Dictionary<string, DecisionRuleKind> Native = new(StringComparer.Ordinal)
    {
        ["conseil"] = DecisionRuleKind.Council, ["majorité"] = DecisionRuleKind.Majority, ["deux-tiers"] = DecisionRuleKind.TwoThirds,
        ["consejo"] = DecisionRuleKind.Council, ["mayoría"] = DecisionRuleKind.Majority, ["dos-tercios"] = DecisionRuleKind.TwoThirds, ["consenso"] = DecisionRuleKind.Consensus,
        ["совет"] = DecisionRuleKind.Council, ["большинство"] = DecisionRuleKind.Majority, ["две-трети"] = DecisionRuleKind.TwoThirds, ["консенсус"] = DecisionRuleKind.Consensus,
        ["安理会"] = DecisionRuleKind.Council, ["多数"] = DecisionRuleKind.Majority, ["三分之二"] = DecisionRuleKind.TwoThirds, ["协商一致"] = DecisionRuleKind.Consensus,
        ["المجلس"] = DecisionRuleKind.Council, ["الأغلبية"] = DecisionRuleKind.Majority, ["الثلثين"] = DecisionRuleKind.TwoThirds, ["توافق"] = DecisionRuleKind.Consensus,
    };

    public static Result<DecisionRuleKind> Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "council" => Result.Ok(DecisionRuleKind.Council),
        "majority" => Result.Ok(DecisionRuleKind.Majority),
        "two-thirds" => Result.Ok(DecisionRuleKind.TwoThirds),
        "consensus" => Result.Ok(DecisionRuleKind.Consensus),
        "consensus-first" => Result.Ok(DecisionRuleKind.ConsensusFirst),
        { } word when Native.TryGetValue(word, out var native) => Result.Ok(native),
        _ => Result.Fail<DecisionRuleKind>(
            $"unknown rule \"{name}\" (expected council, majority, two-thirds, consensus or consensus-first)"),
    };
}
