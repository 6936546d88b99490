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
    [InlineData(DraftStatus.InBlue, DraftAction.Revise, "D3 is in blue: its text is locked")]
    [InlineData(DraftStatus.InBlue, DraftAction.Amend, "D3 is in blue: its text is locked")]
    [InlineData(DraftStatus.InBlue, DraftAction.PutInBlue, "D3 is already in blue")]
    [InlineData(DraftStatus.InBlue, DraftAction.StartSilence, "D3 is past negotiation: silence can be started only on a text under negotiation")]
    [InlineData(DraftStatus.Voting, DraftAction.Withdraw, "voting has started: a draft cannot be withdrawn")]
    [InlineData(DraftStatus.Voting, DraftAction.Revise, "voting has started: D3 and its text can no longer change")]
    [InlineData(DraftStatus.Voting, DraftAction.Comment, "voting has started: D3 and its text can no longer change")]
    [InlineData(DraftStatus.Voting, DraftAction.OpenVote, "voting on D3 is already open")]
    [InlineData(DraftStatus.UnderSilence, DraftAction.Revise, "D3 is under silence: changing its text is not allowed; the silence must be broken first")]
    [InlineData(DraftStatus.UnderSilence, DraftAction.Amend, "D3 is under silence: to propose a change, break silence")]
    [InlineData(DraftStatus.UnderSilence, DraftAction.PutInBlue, "D3 is under silence: wait for the deadline or break silence first")]
    [InlineData(DraftStatus.UnderSilence, DraftAction.StartSilence, "D3 is already under silence")]
    [InlineData(DraftStatus.AgreedUnderSilence, DraftAction.Revise, "D3 was agreed under silence: its text is final")]
    [InlineData(DraftStatus.Negotiation, DraftAction.BreakSilence, "D3 is not under silence")]
    [InlineData(DraftStatus.Negotiation, DraftAction.ExtendSilence, "D3 is not under silence")]
    [InlineData(DraftStatus.Negotiation, DraftAction.ConcludeSilence, "D3 is not under silence")]
    [InlineData(DraftStatus.Negotiation, DraftAction.OpenVote, "D3 must be put in blue before the vote")]
    [InlineData(DraftStatus.Negotiation, DraftAction.CloseVote, "no vote is open on D3")]
    [InlineData(DraftStatus.Adopted, DraftAction.Withdraw, "D3 was adopted: it can no longer change")]
    [InlineData(DraftStatus.NotAdopted, DraftAction.Revise, "D3 was not adopted: it can no longer change")]
    [InlineData(DraftStatus.Withdrawn, DraftAction.PutInBlue, "D3 was withdrawn")]
    public void Refusals_say_why_politely(DraftStatus from, DraftAction action, string reason)
    {
        Assert.Equal(Verdict.Refused(reason), DraftStateMachine.Check(from, action, "D3"));
        Assert.Equal([reason], DraftStateMachine.Next(from, action, draft: "D3").Errors);
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
            Assert.False(string.IsNullOrWhiteSpace(verdict.Reason));
            Assert.Equal([verdict.Reason!], next.Errors);
        }
    }
}
