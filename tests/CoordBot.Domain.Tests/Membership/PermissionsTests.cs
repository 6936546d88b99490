using CoordBot.Domain.Membership;

namespace CoordBot.Domain.Tests.Membership;

public sealed class PermissionsTests
{
    [Theory]
    [InlineData("operator", "EST", DelegationRole.Head, null)]
    [InlineData("operator", "EST", DelegationRole.Observer, null)]
    [InlineData("EST:Head", "EST", DelegationRole.Deputy, null)]
    [InlineData("EST:Head", "EST", DelegationRole.Adviser, null)]
    [InlineData("EST:Deputy", "EST", DelegationRole.Observer, null)]
    [InlineData("EST:Deputy", "EST", DelegationRole.Deputy, "DeputyNamedByHead")]
    [InlineData("EST:Head", "EST", DelegationRole.Head, "OperatorNamesHead")]
    [InlineData("EST:Head", "BEL", DelegationRole.Adviser, "InviteOwnDelegation:EST")]
    [InlineData("EST:Adviser", "EST", DelegationRole.Adviser, "InvitingNeedsHead")]
    [InlineData("EST:Observer", "EST", DelegationRole.Observer, "InvitingNeedsHead")]
    [InlineData("stranger", "EST", DelegationRole.Observer, "InvitingNeedsHead")]
    public void Who_may_invite(string actor, string delegation, DelegationRole role, string? refusal)
    {
        AssertVerdict(refusal, Permissions.MayInvite(Parse(actor), delegation, role));
    }

    [Theory]
    [InlineData("operator", "EST", DelegationRole.Head, null)]
    [InlineData("EST:Head", "EST", DelegationRole.Deputy, null)]
    [InlineData("EST:Head", "EST", DelegationRole.Observer, null)]
    [InlineData("EST:Deputy", "EST", DelegationRole.Adviser, null)]
    [InlineData("EST:Deputy", "EST", DelegationRole.Head, "OperatorRemovesHead")]
    [InlineData("EST:Head", "EST", DelegationRole.Head, "OperatorRemovesHead")]
    [InlineData("EST:Deputy", "EST", DelegationRole.Deputy, "DeputyRemovedByHead")]
    [InlineData("EST:Head", "BEL", DelegationRole.Adviser, "RemoveOwnDelegation:EST")]
    [InlineData("EST:Adviser", "EST", DelegationRole.Observer, "RemovingNeedsHead")]
    public void Who_may_remove(string actor, string delegation, DelegationRole role, string? refusal)
    {
        AssertVerdict(refusal, Permissions.MayRemove(Parse(actor), delegation, role));
    }

    [Theory]
    [InlineData("EST:Head", "EST", null)]
    [InlineData("EST:Deputy", "EST", null)]
    [InlineData("EST:Head", "BEL", "VoteOwnDelegation:EST")]
    [InlineData("EST:Adviser", "EST", "VotingNeedsHead")]
    [InlineData("EST:Observer", "EST", "VotingNeedsHead")]
    [InlineData("operator", "EST", "VotingNeedsHead")]
    public void Who_may_vote(string actor, string delegation, string? refusal)
    {
        AssertVerdict(refusal, Permissions.MayVote(Parse(actor), delegation));
    }

    [Theory]
    [InlineData("EST:Head", true)]
    [InlineData("EST:Deputy", true)]
    [InlineData("EST:Adviser", true)]
    [InlineData("EST:Observer", false)]
    [InlineData("operator", false)]
    [InlineData("stranger", false)]
    public void Delegation_work_needs_head_deputy_or_adviser(string actor, bool allowed)
    {
        var who = Parse(actor);

        Assert.All(
            [Permissions.MayComment(who), Permissions.MayProposeAmendment(who), Permissions.MayCreateDraft(who), Permissions.MayReadDrafts(who)],
            v => Assert.Equal(allowed, v.IsAllowed));
        Assert.Equal(allowed ? null : Reason.Of(ReasonCode.NeedsMember, DelegationWork.Commenting), Permissions.MayComment(who).Reason);
    }

    [Theory]
    [InlineData("FRA:Adviser", null)]
    [InlineData("GBR:Head", null)]
    [InlineData("EST:Head", "PenholderRevises")]
    [InlineData("FRA:Observer", "NeedsMember:revising a draft")]
    public void Only_penholders_revise(string actor, string? refusal)
    {
        AssertVerdict(refusal, Permissions.MayRevise(Parse(actor), ["FRA", "GBR"]));
    }

    [Theory]
    [InlineData("VNM:Head", null)]
    [InlineData("VNM:Deputy", null)]
    [InlineData("operator", null)]
    [InlineData("VNM:Adviser", "ForPresidency:VNM")]
    [InlineData("BEL:Head", "ForPresidency:VNM")]
    public void Chair_business_belongs_to_the_presidency(string actor, string? refusal)
    {
        AssertVerdict(refusal, Permissions.MayChair(Parse(actor), "VNM"));
    }

    [Theory]
    [InlineData("operator", "*", "*", "*", "*", "-", "*")]
    [InlineData("stranger", "-", "-", "-", "-", "-", "*")]
    [InlineData("EST:Head", "*", "-", "*", "*", "*", "-")]
    [InlineData("EST:Deputy", "*", "-", "*", "-", "*", "-")]
    [InlineData("EST:Adviser", "*", "-", "-", "-", "-", "-")]
    [InlineData("EST:Observer", "*", "-", "-", "-", "-", "-")]
    public void Door_rules_of_the_declared_commands(string actor, string councilBusiness, string operate, string invite, string remove, string linkGroup, string join)
    {
        var who = Parse(actor);
        Assert.Equal(councilBusiness == "*", Permissions.MaySeeCouncilBusiness(who).IsAllowed);
        Assert.Equal(operate == "*", Permissions.MayOperate(who).IsAllowed);
        Assert.Equal(invite == "*", Permissions.MayInviteSomeone(who).IsAllowed);
        Assert.Equal(remove == "*", Permissions.MayRemoveSomeone(who).IsAllowed);
        Assert.Equal(linkGroup == "*", Permissions.MayLinkGroup(who).IsAllowed);
        Assert.Equal(join == "*", Permissions.MayJoin(who).IsAllowed);
        Assert.True(Permissions.Anyone(who).IsAllowed);
    }

    [Fact]
    public void A_non_member_is_told_only_that_this_is_for_members() =>
        Assert.Equal(Verdict.Refused(ReasonCode.NotAMember), Permissions.MaySeeCouncilBusiness(Actor.Stranger));

    [Theory]
    [InlineData("VNM:Head", "VNM", true)]
    [InlineData("operator", null, true)]
    [InlineData("VNM:Adviser", "VNM", false)]
    [InlineData("BEL:Deputy", "VNM", false)]
    [InlineData("BEL:Head", null, false)]
    public void Chair_commands_at_the_door(string actor, string? president, bool allowed)
    {
        var verdict = Permissions.MayActAsChair(Parse(actor), president);
        Assert.Equal(allowed, verdict.IsAllowed);
        Assert.Equal(allowed ? null : Reason.Of(ReasonCode.PresidentOnly), verdict.Reason);
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
