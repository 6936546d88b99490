namespace CoordBot.Domain.Voting;

/// <summary>
/// Outcome of a vote: <see cref="Adopted"/>, and its <see cref="Grounds"/> in words ("vetoed by China",
/// "8 affirmative votes, 9 required", or for an adopted text its counts). The outcome and its grounds are
/// kept apart, so a result message can put the outcome in its own words before the grounds; <see cref="Reason"/>
/// is the one-line reason of the record ("adopted: 9 in favour, ..."). Absent and Vetoes hold member codes,
/// ordered by member name.
/// </summary>
public sealed record DecisionResult(
    bool Adopted,
    string Grounds,
    int Yes,
    int No,
    int Abstain,
    IReadOnlyList<string> Absent,
    IReadOnlyList<string> Vetoes)
{
    /// <summary>The reason as the record states it: the grounds, after "adopted: " when the text was adopted.</summary>
    public string Reason => Adopted ? $"adopted: {Grounds}" : Grounds;
}
