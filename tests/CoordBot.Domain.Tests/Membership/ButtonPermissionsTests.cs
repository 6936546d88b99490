using CoordBot.Domain.Membership;
using CoordBot.Domain.Sessions;

namespace CoordBot.Domain.Tests.Membership;

/// <summary>
/// Issue 26.4: the rules buttons and their commands declare, moved out of handlers (the ballot box, a group's
/// language, who sees and runs a session, who reads the text voted on).
/// </summary>
public sealed class ButtonPermissionsTests
{
    [Theory]
    [InlineData("EST:Head", null, null)]
    [InlineData("EST:Deputy", null, null)]
    [InlineData("EST:Adviser", "NotAVoter", "NotAVoter")]
    [InlineData("EST:Observer", "NotAVoter", "NotAVoter")]
    [InlineData("operator", "NotAVoter", "NotAVoter")]
    [InlineData("stranger", "NotAVoter", "NotAMember")]
    public void Only_heads_and_deputies_cast_ballots_and_a_stranger_typing_vote_learns_only_that_it_is_for_members(string actor, string? button, string? command)
    {
        AssertVerdict(button, Permissions.MayCastBallot(Parse(actor)));
        AssertVerdict(command, Permissions.MayVoteByCommand(Parse(actor)));
    }

    [Theory]
    [InlineData("EST:Head", "EST", null)]
    [InlineData("EST:Deputy", "EST", null)]
    [InlineData("operator", "EST", null)]
    [InlineData("EST:Adviser", "EST", "GroupLanguageNeedsHead")]
    [InlineData("EST:Observer", "EST", "GroupLanguageNeedsHead")]
    [InlineData("BEL:Head", "EST", "GroupLanguageNeedsHead")]
    [InlineData("stranger", "EST", "GroupLanguageNeedsHead")]
    public void A_groups_language_is_chosen_by_its_own_head_or_deputy_or_an_operator(string actor, string group, string? refusal)
    {
        AssertVerdict(refusal, Permissions.MayChooseGroupLanguage(Parse(actor), group));
    }

    [Theory]
    [InlineData("operator", "*", "*")]
    [InlineData("EST:Head", "*", "*")]
    [InlineData("EST:Adviser", "*", "*")]
    [InlineData("EST:Observer", "-", "*")]
    [InlineData("stranger", "-", "-")]
    public void Observers_see_only_Arria_meetings_and_strangers_none(string actor, string closed, string arria)
    {
        Assert.Equal(closed == "*", Permissions.MaySeeSession(Parse(actor), SessionFormat.Closed).IsAllowed);
        Assert.Equal(arria == "*", Permissions.MaySeeSession(Parse(actor), SessionFormat.Arria).IsAllowed);
        Assert.Equal(Reason.Of(ReasonCode.ObserversSeeArriaOnly), Permissions.MaySeeSession(Parse("EST:Observer"), SessionFormat.Open).Reason);
        Assert.Equal(Reason.Of(ReasonCode.NotAMember), Permissions.MaySeeSession(Actor.Stranger, SessionFormat.Arria).Reason);
    }

    [Theory]
    [InlineData("operator", "*", "*")]
    [InlineData("VNM:Head", "*", "*")]
    [InlineData("VNM:Deputy", "*", "*")]
    [InlineData("VNM:Adviser", "-", "-")]
    [InlineData("EST:Head", "-", "*")]
    [InlineData("EST:Deputy", "-", "*")]
    [InlineData("EST:Adviser", "-", "-")]
    [InlineData("BEL:Head", "-", "-")]
    public void A_session_is_run_by_the_chair_and_an_Arria_meeting_also_by_its_convenor(string actor, string closed, string arria)
    {
        // VNM presides; EST convenes the Arria-formula meeting.
        Assert.Equal(closed == "*", Permissions.MayManageSession(Parse(actor), "VNM", SessionFormat.Closed, null).IsAllowed);
        Assert.Equal(arria == "*", Permissions.MayManageSession(Parse(actor), "VNM", SessionFormat.Arria, "EST").IsAllowed);
        Assert.Equal(Reason.Of(ReasonCode.PresidentOnly), Permissions.MayManageSession(Parse("EST:Head"), "VNM", SessionFormat.Closed, null).Reason);
        Assert.Equal(Reason.Of(ReasonCode.ChairOrArria), Permissions.MayManageSession(Parse("BEL:Head"), "VNM", SessionFormat.Arria, "EST").Reason);
    }

    [Theory]
    [InlineData("operator", true)]
    [InlineData("EST:Adviser", true)]
    [InlineData("EST:Observer", true)]
    [InlineData("BEL:Head", false)]
    [InlineData("stranger", false)]
    public void The_text_voted_on_is_open_to_the_delegations_that_voted_and_to_operators(string actor, bool allowed)
    {
        Assert.Equal(allowed, Permissions.MayReadVotedText(Parse(actor), ["EST", "FRA"]).IsAllowed);
    }

    private static void AssertVerdict(string? refusal, Verdict verdict) =>
        Assert.Equal(refusal is null ? Verdict.Allowed : Verdict.Refused(Expected.Reason(refusal)!), verdict);

    private static Actor Parse(string text) => text switch
    {
        "operator" => Actor.Operator,
        "stranger" => Actor.Stranger,
        _ => Actor.Member(text[..3], Enum.Parse<DelegationRole>(text[4..])),
    };
}
