using CoordBot.Domain.Council;
using CoordBot.Domain.Drafts;

namespace CoordBot.Domain.Tests.Drafts;

public sealed class DraftPathsTests
{
    private const string Resolution = "ResolutionNotRead:D3";
    private const string Prst = "PrstNotVoted:D3";
    private const string PressVote = "PressNotVoted:D3";
    private const string PressMeeting = "PressNotRead:D3";
    private const string DecisionVote = "DecisionNotVoted:D3";
    private const string DecisionMeeting = "DecisionNotRead:D3";

    /// <summary>Kind × action: which procedures each kind of text takes (null: the kind allows it; the state decides).</summary>
    [Theory]
    [InlineData(DraftKind.Resolution, DraftAction.StartSilence, null)]
    [InlineData(DraftKind.Resolution, DraftAction.ConcludeSilence, null)]
    [InlineData(DraftKind.Resolution, DraftAction.PutInBlue, null)]
    [InlineData(DraftKind.Resolution, DraftAction.OpenVote, null)]
    [InlineData(DraftKind.Resolution, DraftAction.CloseVote, null)]
    [InlineData(DraftKind.Resolution, DraftAction.AdoptAtMeeting, Resolution)]
    [InlineData(DraftKind.Resolution, DraftAction.ChangeKind, null)]
    [InlineData(DraftKind.PresidentialStatement, DraftAction.StartSilence, null)]
    [InlineData(DraftKind.PresidentialStatement, DraftAction.BreakSilence, null)]
    [InlineData(DraftKind.PresidentialStatement, DraftAction.ConcludeSilence, null)]
    [InlineData(DraftKind.PresidentialStatement, DraftAction.PutInBlue, Prst)]
    [InlineData(DraftKind.PresidentialStatement, DraftAction.OpenVote, Prst)]
    [InlineData(DraftKind.PresidentialStatement, DraftAction.CloseVote, Prst)]
    [InlineData(DraftKind.PresidentialStatement, DraftAction.AdoptAtMeeting, null)]
    [InlineData(DraftKind.PresidentialStatement, DraftAction.ChangeKind, null)]
    [InlineData(DraftKind.PressStatement, DraftAction.StartSilence, null)]
    [InlineData(DraftKind.PressStatement, DraftAction.ExtendSilence, null)]
    [InlineData(DraftKind.PressStatement, DraftAction.ConcludeSilence, null)]
    [InlineData(DraftKind.PressStatement, DraftAction.PutInBlue, PressVote)]
    [InlineData(DraftKind.PressStatement, DraftAction.OpenVote, PressVote)]
    [InlineData(DraftKind.PressStatement, DraftAction.CloseVote, PressVote)]
    [InlineData(DraftKind.PressStatement, DraftAction.AdoptAtMeeting, PressMeeting)]
    [InlineData(DraftKind.PressStatement, DraftAction.Revise, null)]
    [InlineData(DraftKind.PressStatement, DraftAction.Withdraw, null)]
    [InlineData(DraftKind.Decision, DraftAction.StartSilence, null)]
    [InlineData(DraftKind.Decision, DraftAction.HoldSilence, null)]
    [InlineData(DraftKind.Decision, DraftAction.LiftSilence, null)]
    [InlineData(DraftKind.Decision, DraftAction.BreakSilence, null)]
    [InlineData(DraftKind.Decision, DraftAction.ConcludeSilence, null)]
    [InlineData(DraftKind.Decision, DraftAction.PutInBlue, DecisionVote)]
    [InlineData(DraftKind.Decision, DraftAction.OpenVote, DecisionVote)]
    [InlineData(DraftKind.Decision, DraftAction.CloseVote, DecisionVote)]
    [InlineData(DraftKind.Decision, DraftAction.AdoptAtMeeting, DecisionMeeting)]
    [InlineData(DraftKind.Decision, DraftAction.Revise, null)]
    [InlineData(DraftKind.Decision, DraftAction.Withdraw, null)]
    [InlineData(DraftKind.Decision, DraftAction.ChangeKind, null)]
    public void Each_kind_takes_its_own_procedures(DraftKind kind, DraftAction action, string? reason)
    {
        Assert.Equal(reason is null ? Verdict.Allowed : Verdict.Refused(Expected.Reason(reason)!), DraftPaths.ForKind(kind, action, "D3"));
    }

    /// <summary>The whole path of each kind, step by step from negotiation to adoption.</summary>
    public static TheoryData<DraftKind, DraftAction[], DraftStatus> Paths() => new()
    {
        { DraftKind.Resolution, [DraftAction.PutInBlue, DraftAction.OpenVote, DraftAction.CloseVote], DraftStatus.Adopted },
        { DraftKind.Resolution, [DraftAction.StartSilence, DraftAction.ConcludeSilence, DraftAction.PutInBlue, DraftAction.OpenVote, DraftAction.CloseVote], DraftStatus.Adopted },
        { DraftKind.Resolution, [DraftAction.StartSilence, DraftAction.ConcludeSilence], DraftStatus.AgreedUnderSilence },
        { DraftKind.PresidentialStatement, [DraftAction.StartSilence, DraftAction.ConcludeSilence], DraftStatus.AgreedUnderSilence },
        { DraftKind.PresidentialStatement, [DraftAction.StartSilence, DraftAction.ConcludeSilence, DraftAction.AdoptAtMeeting], DraftStatus.Adopted },
        { DraftKind.PresidentialStatement, [DraftAction.StartSilence, DraftAction.BreakSilence, DraftAction.Revise, DraftAction.StartSilence, DraftAction.ConcludeSilence, DraftAction.AdoptAtMeeting], DraftStatus.Adopted },
        { DraftKind.PressStatement, [DraftAction.StartSilence, DraftAction.ConcludeSilence], DraftStatus.Adopted },
        { DraftKind.PressStatement, [DraftAction.StartSilence, DraftAction.BreakSilence], DraftStatus.Negotiation },
        { DraftKind.Decision, [DraftAction.StartSilence, DraftAction.ConcludeSilence], DraftStatus.Adopted },
        { DraftKind.Decision, [DraftAction.StartSilence, DraftAction.HoldSilence, DraftAction.LiftSilence, DraftAction.ConcludeSilence], DraftStatus.Adopted },
        { DraftKind.Decision, [DraftAction.StartSilence, DraftAction.BreakSilence, DraftAction.Revise, DraftAction.StartSilence, DraftAction.ConcludeSilence], DraftStatus.Adopted },
        { DraftKind.Decision, [DraftAction.StartSilence, DraftAction.BreakSilence], DraftStatus.Negotiation },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public void Each_kind_reaches_its_end_by_its_path(DraftKind kind, DraftAction[] steps, DraftStatus end)
    {
        var status = DraftStatus.Negotiation;
        foreach (var step in steps)
        {
            var next = DraftPaths.Next(kind, status, step, adopted: step == DraftAction.CloseVote ? true : null, draft: "D3");
            Assert.True(next.IsAccepted, $"{kind}: {step} from {status}: {next.Refusal}");
            status = next.Value;
        }

        Assert.Equal(end, status);
    }

    [Theory]
    [InlineData(DraftKind.PresidentialStatement, DraftStatus.AgreedUnderSilence, DraftAction.PutInBlue, Prst)]
    [InlineData(DraftKind.PressStatement, DraftStatus.Negotiation, DraftAction.PutInBlue, PressVote)]
    [InlineData(DraftKind.PresidentialStatement, DraftStatus.Negotiation, DraftAction.AdoptAtMeeting, "NotAgreed:D3")]
    [InlineData(DraftKind.PresidentialStatement, DraftStatus.UnderSilence, DraftAction.AdoptAtMeeting, "NotAgreed:D3")]
    [InlineData(DraftKind.PresidentialStatement, DraftStatus.Adopted, DraftAction.AdoptAtMeeting, "DraftAdopted:D3")]
    [InlineData(DraftKind.Resolution, DraftStatus.AgreedUnderSilence, DraftAction.AdoptAtMeeting, Resolution)]
    [InlineData(DraftKind.Resolution, DraftStatus.UnderSilence, DraftAction.ChangeKind, "KindFixed:D3")]
    [InlineData(DraftKind.PressStatement, DraftStatus.Adopted, DraftAction.ChangeKind, "DraftAdopted:D3")]
    [InlineData(DraftKind.Decision, DraftStatus.Negotiation, DraftAction.PutInBlue, DecisionVote)]
    [InlineData(DraftKind.Decision, DraftStatus.UnderSilence, DraftAction.PutInBlue, DecisionVote)]
    [InlineData(DraftKind.Decision, DraftStatus.Negotiation, DraftAction.OpenVote, DecisionVote)]
    [InlineData(DraftKind.Decision, DraftStatus.Negotiation, DraftAction.AdoptAtMeeting, DecisionMeeting)]
    [InlineData(DraftKind.Decision, DraftStatus.Adopted, DraftAction.Revise, "DraftAdopted:D3")]
    public void Refusals_name_the_kind_or_the_state(DraftKind kind, DraftStatus status, DraftAction action, string reason)
    {
        Assert.Equal(Verdict.Refused(Expected.Reason(reason)!), DraftPaths.Check(kind, status, action, "D3"));
        Assert.Equal(Expected.Reason(reason), DraftPaths.Next(kind, status, action, draft: "D3").Refusal);
    }

    [Fact]
    public void A_resolution_agreed_under_silence_is_not_yet_adopted_but_a_press_statement_is()
    {
        Assert.Equal(DraftStatus.AgreedUnderSilence, DraftPaths.Next(DraftKind.Resolution, DraftStatus.UnderSilence, DraftAction.ConcludeSilence).Value);
        Assert.Equal(DraftStatus.AgreedUnderSilence, DraftPaths.Next(DraftKind.PresidentialStatement, DraftStatus.UnderSilence, DraftAction.ConcludeSilence).Value);
        Assert.Equal(DraftStatus.Adopted, DraftPaths.Next(DraftKind.PressStatement, DraftStatus.UnderSilence, DraftAction.ConcludeSilence).Value);
    }

    [Fact]
    public void A_decision_is_adopted_when_its_no_objection_procedure_ends_and_receives_no_symbol()
    {
        Assert.Equal(DraftStatus.Adopted, DraftPaths.Next(DraftKind.Decision, DraftStatus.UnderSilence, DraftAction.ConcludeSilence).Value);
        Assert.False(DocumentSymbols.HasSeries(DraftKind.Decision));
        Assert.All([DraftKind.Resolution, DraftKind.PresidentialStatement, DraftKind.PressStatement], k => Assert.True(DocumentSymbols.HasSeries(k)));
    }

    /// <summary>A body agrees the kinds its written procedure uses; a new draft takes the first.</summary>
    [Theory]
    [InlineData(WrittenProcedure.Silence, DraftKind.Resolution, null)]
    [InlineData(WrittenProcedure.Silence, DraftKind.PresidentialStatement, null)]
    [InlineData(WrittenProcedure.Silence, DraftKind.PressStatement, null)]
    [InlineData(WrittenProcedure.Silence, DraftKind.Decision, "NoDecisions")]
    [InlineData(WrittenProcedure.NoObjection, DraftKind.Decision, null)]
    [InlineData(WrittenProcedure.NoObjection, DraftKind.Resolution, "DecisionsOnly")]
    [InlineData(WrittenProcedure.NoObjection, DraftKind.PresidentialStatement, "DecisionsOnly")]
    [InlineData(WrittenProcedure.NoObjection, DraftKind.PressStatement, "DecisionsOnly")]
    public void A_body_uses_the_kinds_of_its_written_procedure(WrittenProcedure procedure, DraftKind kind, string? reason)
    {
        Assert.Equal(reason is null ? Verdict.Allowed : Verdict.Refused(Expected.Reason(reason)!), BodyKinds.Allows(procedure, kind));
    }

    [Fact]
    public void A_new_draft_is_a_resolution_in_the_Council_and_a_decision_in_a_committee()
    {
        Assert.Equal(DraftKind.Resolution, BodyKinds.Default(WrittenProcedure.Silence));
        Assert.Equal(DraftKind.Decision, BodyKinds.Default(WrittenProcedure.NoObjection));
        Assert.Equal([DraftKind.Decision], BodyKinds.Of(WrittenProcedure.NoObjection));
    }
}
