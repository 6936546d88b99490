namespace CoordBot.Domain.Council;

/// <summary>How the council decides: Article 27, simple majority of those voting, two-thirds of those present and voting, or consensus.</summary>
public enum DecisionRuleKind
{
    Council,
    Majority,
    TwoThirds,
    Consensus,
}
