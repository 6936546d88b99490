namespace CoordBot.Domain.Voting;

/// <summary>
/// Outcome of a vote with its reason in words ("vetoed by China", "8 affirmative votes, 9 required").
/// Absent and Vetoes hold member codes, ordered by member name.
/// </summary>
public sealed record DecisionResult(
    bool Adopted,
    string Reason,
    int Yes,
    int No,
    int Abstain,
    IReadOnlyList<string> Absent,
    IReadOnlyList<string> Vetoes);
