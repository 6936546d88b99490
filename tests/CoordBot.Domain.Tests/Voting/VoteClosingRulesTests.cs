using CoordBot.Domain.Council;
using CoordBot.Domain.Voting;

namespace CoordBot.Domain.Tests.Voting;

public sealed class VoteClosingRulesTests
{
    private static readonly DateTime Deadline = new(2030, 1, 8, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    // minutes before the deadline now; everyone voted; minutes before the deadline of the last change; grace minutes -> kind; next check, minutes before the deadline
    [InlineData(60, false, null, 10, VoteClosingKind.Wait, 0)]
    [InlineData(0, false, null, 10, VoteClosingKind.AtDeadline, null)]
    [InlineData(-5, true, 30, 10, VoteClosingKind.AtDeadline, null)]
    // Everyone voted: open for the grace after the last change, then closed early.
    [InlineData(60, true, 65, 10, VoteClosingKind.Wait, 55)]
    [InlineData(55, true, 65, 10, VoteClosingKind.Early, null)]
    [InlineData(50, true, 65, 10, VoteClosingKind.Early, null)]
    // A change inside the grace starts it again.
    [InlineData(60, true, 61, 10, VoteClosingKind.Wait, 51)]
    // The grace never reaches past the deadline.
    [InlineData(4, true, 5, 10, VoteClosingKind.Wait, 0)]
    // No grace: closed the moment the last delegation votes, as before.
    [InlineData(60, true, 60, 0, VoteClosingKind.Early, null)]
    public void A_vote_closes_at_its_deadline_or_after_the_grace_once_everyone_has_voted(int nowBefore, bool everyoneVoted, int? lastChangeBefore, int graceMinutes, VoteClosingKind kind, int? nextBefore)
    {
        var decision = VoteClosingRules.Decide(
            Deadline.AddMinutes(-nowBefore),
            Deadline,
            everyoneVoted,
            lastChangeBefore is { } last ? Deadline.AddMinutes(-last) : null,
            TimeSpan.FromMinutes(graceMinutes));

        Assert.Equal(kind, decision.Kind);
        Assert.Equal(nextBefore is { } next ? Deadline.AddMinutes(-next) : null, decision.NextCheckUtc);
    }

    [Fact]
    public void A_negative_grace_is_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => VoteClosingRules.Decide(Deadline, Deadline, true, Deadline, TimeSpan.FromMinutes(-1)));

    [Theory]
    [InlineData(DecisionRuleKind.Council, MatterKind.Substantive, true, VoteChoice.No, null, true)]
    [InlineData(DecisionRuleKind.Council, MatterKind.Substantive, true, VoteChoice.No, VoteChoice.Yes, true)]
    [InlineData(DecisionRuleKind.Council, MatterKind.Substantive, true, VoteChoice.No, VoteChoice.No, false)]
    [InlineData(DecisionRuleKind.Council, MatterKind.Substantive, true, VoteChoice.Abstain, null, false)]
    [InlineData(DecisionRuleKind.Council, MatterKind.Substantive, false, VoteChoice.No, null, false)]
    [InlineData(DecisionRuleKind.Council, MatterKind.Procedural, true, VoteChoice.No, null, false)]
    [InlineData(DecisionRuleKind.Majority, MatterKind.Substantive, true, VoteChoice.No, null, false)]
    [InlineData(DecisionRuleKind.Consensus, MatterKind.Substantive, true, VoteChoice.No, null, false)]
    public void Only_a_permanent_members_against_on_a_substantive_matter_under_the_council_rule_is_a_veto(DecisionRuleKind rule, MatterKind matter, bool permanent, VoteChoice choice, VoteChoice? current, bool veto) =>
        Assert.Equal(veto, VetoRules.IsVeto(rule, matter, permanent, choice, current));
}
