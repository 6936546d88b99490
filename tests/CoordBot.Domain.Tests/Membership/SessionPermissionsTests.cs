using CoordBot.Domain.Membership;

namespace CoordBot.Domain.Tests.Membership;

/// <summary>The door rules of the Sessions and Agenda commands.</summary>
public sealed class SessionPermissionsTests
{
    [Theory]
    [InlineData("operator", null, "*", "-", "-")]
    [InlineData("stranger", null, "-", "-", "-")]
    [InlineData("VNM:Head", "VNM", "*", "*", "*")]
    [InlineData("VNM:Adviser", "VNM", "-", "-", "*")]
    [InlineData("EST:Head", "VNM", "*", "*", "*")]
    [InlineData("EST:Deputy", null, "*", "*", "*")]
    [InlineData("EST:Adviser", "VNM", "-", "-", "*")]
    [InlineData("EST:Observer", "VNM", "-", "-", "-")]
    public void Who_runs_sessions_answers_attendance_and_speaks(string actor, string? president, string run, string attend, string speak)
    {
        var who = actor switch
        {
            "operator" => Actor.Operator,
            "stranger" => Actor.Stranger,
            _ => Actor.Member(actor[..3], Enum.Parse<DelegationRole>(actor[4..])),
        };

        Assert.Equal(run == "*", Permissions.MayRunSessions(who, president).IsAllowed);
        Assert.Equal(attend == "*", Permissions.MayAnswerAttendance(who).IsAllowed);
        Assert.Equal(speak == "*", Permissions.MaySpeakForDelegation(who).IsAllowed);
    }

    [Fact]
    public void Refusals_keep_the_words_the_commands_always_used()
    {
        Assert.Equal(Reason.Of(ReasonCode.AnswersForDelegation), Permissions.MayAnswerAttendance(Actor.Member("EST", DelegationRole.Adviser)).Reason);
        Assert.Equal(Reason.Of(ReasonCode.SpeakForDelegation), Permissions.MaySpeakForDelegation(Actor.Operator).Reason);
        Assert.Equal(Reason.Of(ReasonCode.ChairOrArria), Permissions.MayRunSessions(Actor.Member("EST", DelegationRole.Adviser), "VNM").Reason);
    }
}
