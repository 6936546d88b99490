namespace CoordBot.Domain.Council;

/// <summary>How the council decides: Article 27, simple majority of those voting, two-thirds of those present and voting, or consensus.</summary>
public enum DecisionRuleKind
{
    Council,
    Majority,
    TwoThirds,
    Consensus,

    /// <summary>Consensus sought first; failing it, two thirds of those present and voting on substance and a majority of those voting on procedure (the African Union's Peace and Security Council).</summary>
    ConsensusFirst,
}
