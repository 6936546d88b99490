using CoordBot.Domain.Drafts;

namespace CoordBot.Domain.Tests.Drafts;

public sealed class DraftStateMachineTests
{
    [Theory]
    [InlineData(DraftStatus.Negotiation, DraftAction.Revise, DraftStatus.Negotiation)]
    [InlineData(DraftStatus.Negotiation, DraftAction.Amend, DraftStatus.Negotiation)]
    [InlineData(DraftStatus.Negotiation, DraftAction.DecideAmendment, DraftStatus.Negotiation)]
    [InlineData(DraftStatus.Negotiation, DraftAction.Comment, DraftStatus.Negotiation)]
    [InlineData(DraftStatus.Negotiation, DraftAction.StartSilence, DraftStatus.UnderSilence)]
    [InlineData(DraftStatus.Negotiation, DraftAction.PutInBlue, DraftStatus.InBlue)]
    [InlineData(DraftStatus.Negotiation, DraftAction.Withdraw, DraftStatus.Withdrawn)]
    [InlineData(DraftStatus.UnderSilence, DraftAction.BreakSilence, DraftStatus.Negotiation)]
    [InlineData(DraftStatus.UnderSilence, DraftAction.ExtendSilence, DraftStatus.UnderSilence)]
    [InlineData(DraftStatus.UnderSilence, DraftAction.ConcludeSilence, DraftStatus.AgreedUnderSilence)]
    [InlineData(DraftStatus.UnderSilence, DraftAction.Comment, DraftStatus.UnderSilence)]
    [InlineData(DraftStatus.UnderSilence, DraftAction.Withdraw, DraftStatus.Withdrawn)]
    [InlineData(DraftStatus.AgreedUnderSilence, DraftAction.PutInBlue, DraftStatus.InBlue)]
    [InlineData(DraftStatus.AgreedUnderSilence, DraftAction.Circulate, DraftStatus.AgreedUnderSilence)]
    [InlineData(DraftStatus.InBlue, DraftAction.OpenVote, DraftStatus.Voting)]
    [InlineData(DraftStatus.InBlue, DraftAction.Comment, DraftStatus.InBlue)]
    [InlineData(DraftStatus.InBlue, DraftAction.Withdraw, DraftStatus.Withdrawn)]
    public void Allowed_actions_lead_to_the_next_status(DraftStatus from, DraftAction action, DraftStatus expected)
    {
        Assert.True(DraftStateMachine.Check(from, action).IsAllowed);
        Assert.Equal(expected, DraftStateMachine.Next(from, action).Value);
    }

    [Theory]
    [InlineData(true, DraftStatus.Adopted)]
    [InlineData(false, DraftStatus.NotAdopted)]
    public void Closing_the_vote_records_its_result(bool adopted, DraftStatus expected)
    {
        Assert.Equal(expected, DraftStateMachine.Next(DraftStatus.Voting, DraftAction.CloseVote, adopted).Value);
    }

    [Theory]
    [InlineData(DraftStatus.InBlue, DraftAction.Revise, "DraftInBlueLocked:D3")]
    [InlineData(DraftStatus.InBlue, DraftAction.Amend, "DraftInBlueLocked:D3")]
    [InlineData(DraftStatus.InBlue, DraftAction.PutInBlue, "DraftAlreadyBlue:D3")]
    [InlineData(DraftStatus.InBlue, DraftAction.StartSilence, "DraftPastNegotiation:D3")]
    [InlineData(DraftStatus.Voting, DraftAction.Withdraw, "DraftVotingNoWithdraw")]
    [InlineData(DraftStatus.Voting, DraftAction.Revise, "DraftVotingStarted:D3")]
    [InlineData(DraftStatus.Voting, DraftAction.Comment, "DraftVotingStarted:D3")]
    [InlineData(DraftStatus.Voting, DraftAction.OpenVote, "DraftVotingOpen:D3")]
    [InlineData(DraftStatus.UnderSilence, DraftAction.Revise, "DraftSilenceChange:D3")]
    [InlineData(DraftStatus.UnderSilence, DraftAction.Amend, "DraftSilenceAmend:D3")]
    [InlineData(DraftStatus.UnderSilence, DraftAction.PutInBlue, "DraftSilenceBlue:D3")]
    [InlineData(DraftStatus.UnderSilence, DraftAction.StartSilence, "DraftAlreadySilence:D3")]
    [InlineData(DraftStatus.AgreedUnderSilence, DraftAction.Revise, "DraftAgreedFinal:D3")]
    [InlineData(DraftStatus.Negotiation, DraftAction.BreakSilence, "DraftNotSilence:D3")]
    [InlineData(DraftStatus.Negotiation, DraftAction.ExtendSilence, "DraftNotSilence:D3")]
    [InlineData(DraftStatus.Negotiation, DraftAction.ConcludeSilence, "DraftNotSilence:D3")]
    [InlineData(DraftStatus.Negotiation, DraftAction.OpenVote, "DraftBlueFirst:D3")]
    [InlineData(DraftStatus.Negotiation, DraftAction.CloseVote, "DraftNoVoteOpen:D3")]
    [InlineData(DraftStatus.Adopted, DraftAction.Withdraw, "DraftAdopted:D3")]
    [InlineData(DraftStatus.NotAdopted, DraftAction.Revise, "DraftNotAdopted:D3")]
    [InlineData(DraftStatus.Withdrawn, DraftAction.PutInBlue, "DraftWithdrawn:D3")]
    public void Refusals_say_why_politely(DraftStatus from, DraftAction action, string reason)
    {
        Assert.Equal(Verdict.Refused(Expected.Reason(reason)!), DraftStateMachine.Check(from, action, "D3"));
        Assert.Equal(Expected.Reason(reason), DraftStateMachine.Next(from, action, draft: "D3").Refusal);
    }

    public static TheoryData<DraftStatus, DraftAction> EveryPair()
    {
        var data = new TheoryData<DraftStatus, DraftAction>();
        foreach (var status in Enum.GetValues<DraftStatus>())
        {
            foreach (var action in Enum.GetValues<DraftAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    /// <summary>
    /// Every action each status allows, and the status it leads to, written out from domain.md: any pair not listed
    /// is refused. Text changes only under negotiation, nothing but closing the vote once it is open, nothing after the
    /// result or a withdrawal. Each of the 120 pairs checks its verdict, its next status or its reason.
    /// </summary>
    private static readonly Dictionary<DraftStatus, Dictionary<DraftAction, DraftStatus>> Allowed = new()
    {
        [DraftStatus.Negotiation] = new()
        {
            [DraftAction.Revise] = DraftStatus.Negotiation,
            [DraftAction.Comment] = DraftStatus.Negotiation,
            [DraftAction.Amend] = DraftStatus.Negotiation,
            [DraftAction.DecideAmendment] = DraftStatus.Negotiation,
            [DraftAction.Circulate] = DraftStatus.Negotiation,
            [DraftAction.StartSilence] = DraftStatus.UnderSilence,
            [DraftAction.PutInBlue] = DraftStatus.InBlue,
            [DraftAction.Withdraw] = DraftStatus.Withdrawn,
            [DraftAction.ChangeKind] = DraftStatus.Negotiation,
        },
        [DraftStatus.UnderSilence] = new()
        {
            [DraftAction.Comment] = DraftStatus.UnderSilence,
            [DraftAction.Circulate] = DraftStatus.UnderSilence,
            [DraftAction.BreakSilence] = DraftStatus.Negotiation,
            [DraftAction.ExtendSilence] = DraftStatus.UnderSilence,
            [DraftAction.HoldSilence] = DraftStatus.UnderSilence,
            [DraftAction.LiftSilence] = DraftStatus.UnderSilence,
            [DraftAction.ConcludeSilence] = DraftStatus.AgreedUnderSilence,
            [DraftAction.Withdraw] = DraftStatus.Withdrawn,
        },
        [DraftStatus.AgreedUnderSilence] = new()
        {
            [DraftAction.Comment] = DraftStatus.AgreedUnderSilence,
            [DraftAction.Circulate] = DraftStatus.AgreedUnderSilence,
            [DraftAction.PutInBlue] = DraftStatus.InBlue,
            [DraftAction.Withdraw] = DraftStatus.Withdrawn,
            [DraftAction.AdoptAtMeeting] = DraftStatus.Adopted,
        },
        [DraftStatus.InBlue] = new()
        {
            [DraftAction.Comment] = DraftStatus.InBlue,
            [DraftAction.Circulate] = DraftStatus.InBlue,
            [DraftAction.OpenVote] = DraftStatus.Voting,
            [DraftAction.Withdraw] = DraftStatus.Withdrawn,
        },
        [DraftStatus.Voting] = new() { [DraftAction.CloseVote] = DraftStatus.Adopted },
        [DraftStatus.Adopted] = new(),
        [DraftStatus.NotAdopted] = new(),
        [DraftStatus.Withdrawn] = new(),
    };

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_pair_is_allowed_or_refused_as_the_table_says(DraftStatus status, DraftAction action)
    {
        var verdict = DraftStateMachine.Check(status, action, "D3");
        var next = DraftStateMachine.Next(status, action, adopted: true, draft: "D3");

        if (Allowed[status].TryGetValue(action, out var expected))
        {
            Assert.True(verdict.IsAllowed, $"{action} should be allowed when {status}: {verdict.Reason}");
            Assert.Equal(expected, next.Value);
        }
        else
        {
            Assert.True(verdict.IsRefused, $"{action} should be refused when {status}");
            Assert.NotNull(verdict.Reason);
            Assert.Equal(verdict.Reason, next.Refusal);
        }
    }
}
