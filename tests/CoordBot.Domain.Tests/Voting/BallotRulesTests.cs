using CoordBot.Domain.Council;
using CoordBot.Domain.Voting;

namespace CoordBot.Domain.Tests.Voting;

public sealed class BallotRulesTests
{
    private static readonly DateTime Closes = new(2020, 4, 2, 14, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(-60, null, VoteChoice.Yes, true, BallotEntryKind.Cast, null)]
    [InlineData(-1, VoteChoice.Yes, VoteChoice.No, true, BallotEntryKind.Changed, null)]
    [InlineData(-1, VoteChoice.Yes, VoteChoice.No, false, BallotEntryKind.Refused, "AlreadyVotedNoChange")]
    [InlineData(-1, VoteChoice.Yes, VoteChoice.Yes, true, BallotEntryKind.Refused, "AlreadyVotedYes")]
    [InlineData(0, null, VoteChoice.Yes, true, BallotEntryKind.Refused, "VotingClosed")]
    [InlineData(5, VoteChoice.Yes, VoteChoice.No, true, BallotEntryKind.Refused, "VotingClosed")]
    public void Ballots_are_accepted_until_the_non_extendable_deadline(
        int minutesFromClose, VoteChoice? current, VoteChoice requested, bool allowChange, BallotEntryKind kind, string? reason)
    {
        var decision = BallotRules.Check(Closes.AddMinutes(minutesFromClose), Closes, current, requested, allowChange);

        Assert.Equal(new BallotDecision(kind, Expected.Reason(reason)), decision);
        Assert.Equal(kind != BallotEntryKind.Refused, decision.Accepted);
    }

    [Theory]
    [InlineData(24, 3, 24, 27, 36)]
    [InlineData(48, 3, 48, 51, 51)] // longer windows push the announcement back
    public void Written_procedure_deadlines_follow_the_council(int hours, int explanationHours, int closes, int explanations, int due)
    {
        var start = new DateTime(2020, 4, 1, 14, 0, 0, DateTimeKind.Utc);
        var council = CouncilPresets.SecurityCouncil2020 with { VotingHours = hours, ExplanationHours = explanationHours };

        var schedule = WrittenVotingSchedule.For(start, council);

        Assert.Equal(
            (start.AddHours(closes), start.AddHours(explanations), start.AddHours(due)),
            (schedule.ClosesAtUtc, schedule.ExplanationsUntilUtc, schedule.ResultDueByUtc));
    }
}
