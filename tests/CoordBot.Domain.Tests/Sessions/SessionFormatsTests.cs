using CoordBot.Domain.Membership;
using CoordBot.Domain.Sessions;

namespace CoordBot.Domain.Tests.Sessions;

public sealed class SessionFormatsTests
{
    [Theory]
    [InlineData("open", SessionFormat.Open)]
    [InlineData(" Closed ", SessionFormat.Closed)]
    [InlineData("CONSULTATIONS", SessionFormat.Consultations)]
    [InlineData("arria", SessionFormat.Arria)]
    public void Formats_are_parsed_from_commands(string text, SessionFormat expected)
    {
        Assert.Equal(expected, SessionFormats.Parse(text).Value);
        Assert.Equal(expected, SessionFormats.Parse(SessionFormats.ToName(expected)).Value);
    }

    [Theory]
    [InlineData("public")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_formats_list_the_known_ones(string? text)
    {
        Assert.EndsWith("use open, closed, consultations or arria", SessionFormats.Parse(text).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SessionFormat.Open, "VNM:Head", true)]
    [InlineData(SessionFormat.Closed, "VNM:Deputy", true)]
    [InlineData(SessionFormat.Consultations, "operator", true)]
    [InlineData(SessionFormat.Open, "EST:Head", false)]
    [InlineData(SessionFormat.Consultations, "VNM:Adviser", false)]
    [InlineData(SessionFormat.Arria, "EST:Head", true)]
    [InlineData(SessionFormat.Arria, "EST:Deputy", true)]
    [InlineData(SessionFormat.Arria, "VNM:Head", true)] // as a member, not as president
    [InlineData(SessionFormat.Arria, "EST:Adviser", false)]
    [InlineData(SessionFormat.Arria, "EST:Observer", false)]
    [InlineData(SessionFormat.Arria, "operator", false)]
    public void Chair_convenes_meetings_and_members_convene_arria(SessionFormat format, string actor, bool allowed)
    {
        var who = actor == "operator" ? Actor.Operator : Actor.Member(actor[..3], Enum.Parse<DelegationRole>(actor[4..]));

        var verdict = SessionFormats.MayConvene(format, who, presidentCode: "VNM");

        Assert.Equal(allowed, verdict.IsAllowed);
        Assert.Equal(allowed, verdict.Reason is null);
    }

    [Theory]
    [InlineData(SessionFormat.Arria, true)]
    [InlineData(SessionFormat.Consultations, false)]
    [InlineData(SessionFormat.Closed, false)]
    public void Only_arria_meetings_admit_observers(SessionFormat format, bool expected)
    {
        Assert.Equal(expected, SessionFormats.AdmitsObservers(format));
    }
}
