using CoordBot.Domain.Council;
using CoordBot.Domain.Presidency;

namespace CoordBot.Domain.Tests.Presidency;

public sealed class PresidencyRotationTests
{
    private static readonly CouncilDefinition Council = CouncilPresets.SecurityCouncil2020;

    [Theory]
    [InlineData(1, "Viet Nam")]
    [InlineData(2, "Belgium")]
    [InlineData(3, "China")]
    [InlineData(4, "Dominican Republic")]
    [InlineData(5, "Estonia")]
    [InlineData(6, "France")]
    [InlineData(7, "Germany")]
    [InlineData(8, "Indonesia")]
    [InlineData(9, "Niger")]
    [InlineData(10, "Russian Federation")]
    [InlineData(11, "Saint Vincent and the Grenadines")]
    [InlineData(12, "South Africa")]
    public void Presidency_of_2020_follows_rule_18(int month, string expected)
    {
        var rotation = PresidencyRotation.For(Council);

        Assert.Equal(expected, Council.NameOf(rotation.PresidentFor(2020, month)));
    }

    [Theory]
    [InlineData(2020, 12, "ZAF")]
    [InlineData(2021, 1, "TUN")] // continues across the year
    [InlineData(2021, 2, "GBR")]
    [InlineData(2021, 3, "USA")]
    [InlineData(2021, 4, "VNM")]
    [InlineData(2021, 5, "BEL")] // wraps round the order
    [InlineData(2019, 12, "USA")] // before the anchor
    [InlineData(2019, 1, "DOM")]
    [InlineData(2018, 10, "VNM")] // a whole cycle of 15 months earlier
    public void Rotation_continues_in_both_directions_from_the_anchor(int year, int month, string expected)
    {
        Assert.Equal(expected, PresidencyRotation.For(Council).PresidentFor(year, month));
    }

    [Fact]
    public void An_override_wins_for_its_month_only()
    {
        var overrides = new Dictionary<(int Year, int Month), string> { [(2020, 5)] = "FRA" };
        var rotation = PresidencyRotation.For(Council, overrides);

        Assert.Equal(
            [("CHN", false), ("DOM", false), ("FRA", true), ("FRA", false), ("DEU", false)],
            rotation.Upcoming(2020, 3, 5).Select(t => (t.Code, t.Overridden)));
    }

    [Fact]
    public void Upcoming_lists_consecutive_months_across_the_new_year()
    {
        var terms = PresidencyRotation.For(Council).Upcoming(2020, 11, 3);

        Assert.Equal(
            [new PresidencyTerm(2020, 11, "VCT", false), new PresidencyTerm(2020, 12, "ZAF", false), new PresidencyTerm(2021, 1, "TUN", false)],
            terms);
    }

    [Fact]
    public void An_explicit_order_is_followed_instead_of_the_alphabet()
    {
        var rotation = new PresidencyRotation(["C", "A", "B"], new PresidencyAnchor("A", 2024, 6));

        Assert.Equal(["C", "A", "B", "C"], rotation.Upcoming(2024, 5, 4).Select(t => t.Code));
    }

    [Theory]
    [InlineData(new string[0], "VNM")]
    [InlineData(new[] { "VNM" }, "BEL")] // rule 20: the next in alphabetical order
    [InlineData(new[] { "VNM", "BEL" }, "CHN")]
    [InlineData(new[] { "EST" }, "VNM")] // the president is not connected and keeps the chair
    public void Rule_20_hands_the_chair_to_the_next_unconnected_member(string[] connected, string expected)
    {
        var chair = PresidencyRotation.For(Council).ChairForItem(2020, 1, connected.ToHashSet());

        Assert.Equal(expected, chair.Value);
    }

    [Fact]
    public void Rule_20_refuses_when_every_member_is_connected()
    {
        var chair = PresidencyRotation.For(Council).ChairForItem(2020, 1, Council.Members.Select(m => m.Code).ToHashSet());

        Assert.False(chair.IsSuccess);
    }

    [Fact]
    public void An_anchor_outside_the_order_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => new PresidencyRotation(["A", "B"], new PresidencyAnchor("Z", 2020, 1)));
    }
}
