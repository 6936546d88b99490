using CoordBot.Domain.Membership;

namespace CoordBot.Domain.Tests.Membership;

public sealed class InvitationRulesTests
{
    private static readonly DateTime Created = new(2020, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, null, InvitationStatus.Valid)]
    [InlineData(71 * 60 + 59, null, InvitationStatus.Valid)]
    [InlineData(72 * 60, null, InvitationStatus.Expired)]
    [InlineData(100 * 60, null, InvitationStatus.Expired)]
    [InlineData(10, 5, InvitationStatus.AlreadyUsed)]
    [InlineData(100 * 60, 5, InvitationStatus.AlreadyUsed)]
    public void An_invitation_is_good_once_for_72_hours(int minutesLater, int? usedMinutesLater, InvitationStatus expected)
    {
        var used = usedMinutesLater is { } u ? Created.AddMinutes(u) : (DateTime?)null;

        var check = InvitationRules.CanRedeem(Created, used, Created.AddMinutes(minutesLater));

        Assert.Equal(expected, check.Status);
        Assert.Equal(expected == InvitationStatus.Valid, check.CanRedeem);
        Assert.Contains(expected switch
        {
            InvitationStatus.Expired => "expired",
            InvitationStatus.AlreadyUsed => "already been used",
            _ => "accepted",
        }, check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokens_are_url_safe_and_distinct()
    {
        var tokens = Enumerable.Range(0, 50).Select(_ => InvitationRules.NewToken()).ToList();

        Assert.Equal(50, tokens.Distinct().Count());
        Assert.All(tokens, t => Assert.Matches("^[A-Za-z0-9_-]{22}$", t));
    }
}
