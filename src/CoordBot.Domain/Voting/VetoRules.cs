using CoordBot.Domain.Council;

namespace CoordBot.Domain.Voting;

/// <summary>
/// A veto is a deliberate act: a permanent member's "against" on a substantive matter under the council's rule (Art. 27(3))
/// is asked to be confirmed before it counts when it comes from a button; a typed vote is explicit and counts at once.
/// </summary>
public static class VetoRules
{
    /// <param name="current">The delegation's vote so far: a delegation already against is not asked again.</param>
    public static bool IsVeto(DecisionRuleKind rule, MatterKind matter, bool permanent, VoteChoice choice, VoteChoice? current) =>
        rule == DecisionRuleKind.Council && matter == MatterKind.Substantive && permanent && choice == VoteChoice.No && current != VoteChoice.No;
}
