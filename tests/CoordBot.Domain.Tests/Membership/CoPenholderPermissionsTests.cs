using CoordBot.Domain.Membership;

namespace CoordBot.Domain.Tests.Membership;

/// <summary>Co-penholders do the penholder's work; sponsors join by their head or deputy; only the lead names co-penholders.</summary>
public sealed class CoPenholderPermissionsTests
{
    private static readonly string[] Pens = ["EST", "FRA"];
    private static readonly string[] Sponsors = ["NER"];

    private static Actor Parse(string who) => who switch
    {
        "operator" => Actor.Operator,
        "stranger" => Actor.Stranger,
        _ => Actor.Member(who.Split(':')[0], Enum.Parse<DelegationRole>(who.Split(':')[1])),
    };

    [Theory]
    [InlineData("EST:Head", null)]
    [InlineData("FRA:Adviser", null)] // a co-penholder revises, accepts and rejects like the lead
    [InlineData("GBR:Head", "PenholderRevises")]
    [InlineData("FRA:Observer", "NeedsMember:revising a draft")]
    public void Co_penholders_revise_like_the_lead_penholder(string who, string? refusal) =>
        Assert.Equal(Expected.Reason(refusal), Permissions.MayRevise(Parse(who), Pens).Reason);

    [Theory]
    [InlineData("EST:Head", "GBR", null)]
    [InlineData("EST:Adviser", "GBR", null)]
    [InlineData("FRA:Head", "GBR", "OnlyLeadNames:EST")]
    [InlineData("EST:Head", "FRA", "AlreadyPenholder:FRA")]
    [InlineData("GBR:Head", "GBR", "PenholderRevises")]
    public void Only_the_lead_penholder_names_co_penholders(string who, string candidate, string? refusal) =>
        Assert.Equal(Expected.Reason(refusal), Permissions.MayNameCoPenholder(Parse(who), "EST", candidate, Pens).Reason);

    [Theory]
    [InlineData("GBR:Head", null)]
    [InlineData("GBR:Deputy", null)]
    [InlineData("GBR:Adviser", "SponsorNeedsHead")]
    [InlineData("FRA:Head", "SponsorIsPenholder")]
    [InlineData("NER:Head", "AlreadySponsor")]
    [InlineData("stranger", "NotAMember")]
    public void A_delegation_sponsors_once_through_its_head_or_deputy_and_not_a_text_it_holds_the_pen_of(string who, string? refusal) =>
        Assert.Equal(Expected.Reason(refusal), Permissions.MaySponsor(Parse(who), Pens, Sponsors).Reason);
}
