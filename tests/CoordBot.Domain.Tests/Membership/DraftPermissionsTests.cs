using CoordBot.Domain.Membership;

namespace CoordBot.Domain.Tests.Membership;

/// <summary>The door rules of the Drafts commands, and the silence rule about one draft.</summary>
public sealed class DraftPermissionsTests
{
    // Columns: list (/drafts), open (/draft, /diff, /comments), write (/draft_new, /comment, /amend), pen, start silence, break silence.
    [Theory]
    [InlineData("operator", null, "*", "-", "-", "-", "*", "-")]
    [InlineData("stranger", null, "-", "-", "-", "-", "-", "-")]
    [InlineData("VNM:Head", "VNM", "*", "*", "*", "*", "*", "*")]
    [InlineData("EST:Head", "VNM", "*", "*", "*", "*", "*", "*")]
    [InlineData("EST:Deputy", null, "*", "*", "*", "*", "*", "*")]
    [InlineData("EST:Adviser", "VNM", "*", "*", "*", "*", "*", "-")]
    [InlineData("EST:Observer", "VNM", "-", "-", "-", "-", "-", "-")]
    [InlineData("VNM:Observer", "VNM", "-", "-", "-", "-", "-", "-")]
    public void Who_reads_writes_holds_pens_and_keeps_silence(string actor, string? president, string list, string open, string write, string pen, string silence, string breakSilence)
    {
        var who = Parse(actor);

        Assert.Equal(list == "*", Permissions.MayListDrafts(who).IsAllowed);
        Assert.Equal(open == "*", Permissions.MayOpenDrafts(who).IsAllowed);
        Assert.Equal(write == "*", Permissions.MayStartDraft(who).IsAllowed);
        Assert.Equal(write == "*", Permissions.MayCommentOnDrafts(who).IsAllowed);
        Assert.Equal(write == "*", Permissions.MayAmendDrafts(who).IsAllowed);
        Assert.Equal(pen == "*", Permissions.MayHoldPens(who).IsAllowed);
        Assert.Equal(silence == "*", Permissions.MayStartSilence(who, president).IsAllowed);
        Assert.Equal(breakSilence == "*", Permissions.MayBreakSilence(who).IsAllowed);
    }

    [Fact]
    public void A_non_member_hears_only_that_this_is_for_members()
    {
        foreach (var verdict in new[]
        {
            Permissions.MayListDrafts(Actor.Stranger), Permissions.MayOpenDrafts(Actor.Stranger), Permissions.MayStartDraft(Actor.Stranger),
            Permissions.MayCommentOnDrafts(Actor.Stranger), Permissions.MayAmendDrafts(Actor.Stranger), Permissions.MayHoldPens(Actor.Stranger),
            Permissions.MayStartSilence(Actor.Stranger, "VNM"), Permissions.MayBreakSilence(Actor.Stranger),
        })
        {
            Assert.Equal(Reason.Of(ReasonCode.NotAMember), verdict.Reason);
        }
    }

    [Fact]
    public void Silence_on_one_draft_is_for_the_chair_or_its_penholder_in_the_words_the_command_always_used()
    {
        var adviser = Actor.Member("EST", DelegationRole.Adviser);

        Assert.True(Permissions.MayStartSilenceOn(adviser, "VNM", ["EST"]).IsAllowed);
        Assert.True(Permissions.MayStartSilenceOn(Actor.Member("VNM", DelegationRole.Deputy), "VNM", ["EST"]).IsAllowed);
        Assert.True(Permissions.MayStartSilenceOn(Actor.Operator, null, ["EST"]).IsAllowed);
        Assert.Equal(Reason.Of(ReasonCode.SilenceStarters), Permissions.MayStartSilenceOn(Actor.Member("FRA", DelegationRole.Head), "VNM", ["EST"]).Reason);
        Assert.Equal(Reason.Of(ReasonCode.BreakingSilence), Permissions.MayBreakSilence(adviser).Reason);
    }

    private static Actor Parse(string actor) => actor switch
    {
        "operator" => Actor.Operator,
        "stranger" => Actor.Stranger,
        _ => Actor.Member(actor[..3], Enum.Parse<DelegationRole>(actor[4..])),
    };
}
