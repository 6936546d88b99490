using CoordBot.Domain.Agenda;
using CoordBot.Domain.Council;

namespace CoordBot.Domain.Tests.Agenda;

public sealed class SpeakersListTests
{
    private static readonly CouncilDefinition Council = CouncilPresets.SecurityCouncil2020;

    // Steps: "+EST" inscribe, "-EST" withdraw, "next" call the next speaker.
    [Theory]
    [InlineData("+EST +BEL next", "EST", "BEL", "")]
    [InlineData("+EST +BEL next next", "BEL", "", "EST")]
    [InlineData("+EST +BEL next next next", null, "", "EST BEL")]
    [InlineData("+EST +BEL +CHN -BEL next", "EST", "CHN", "")]
    [InlineData("+EST +BEL next -BEL +BEL", "EST", "BEL", "")] // re-inscribing after withdrawing goes to the end
    public void Speakers_are_called_in_order_of_inscription(string steps, string? current, string waiting, string spoken)
    {
        var list = Run(steps).Value!;

        Assert.Equal(current, list.Current);
        Assert.Equal(waiting, string.Join(" ", list.Waiting));
        Assert.Equal(spoken, string.Join(" ", list.Spoken));
    }

    [Theory]
    [InlineData("+EST +EST", "SpeakersAlreadyOn:Estonia")]
    [InlineData("+EST next +EST", "SpeakersHasFloor:Estonia")]
    [InlineData("+EST next next +EST", "SpeakersSpokeOnItem:Estonia")]
    [InlineData("+EST next -EST", "SpeakersCannotWithdraw:Estonia")]
    [InlineData("+EST next next -EST", "SpeakersSpoken:Estonia")]
    [InlineData("-EST", "SpeakersNotOn:Estonia")]
    [InlineData("next", "SpeakersExhausted")]
    [InlineData("+EST next next next", "SpeakersExhausted")]
    public void Refusals_name_the_delegation(string steps, string expected)
    {
        Assert.Equal(Expected.Reason(expected), Run(steps).Refusal);
    }

    private static Outcome<SpeakersList, Reason> Run(string steps)
    {
        var result = Outcome<SpeakersList, Reason>.Accept(SpeakersList.Empty(Council.NameOf));
        foreach (var step in steps.Split(' '))
        {
            var list = result.Value!;
            result = step switch
            {
                "next" => list.CallNext(),
                _ when step[0] == '+' => list.Inscribe(step[1..]),
                _ => list.Withdraw(step[1..]),
            };
            if (!result.IsAccepted)
            {
                return result;
            }
        }

        return result;
    }
}
