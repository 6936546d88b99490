using CoordBot.Domain.Voting;

namespace CoordBot.Features.Voting;

internal static class VoteRefs
{
    public static bool TryParseChoice(string? text, out VoteChoice choice)
    {
        choice = default;
        switch (text?.ToLowerInvariant())
        {
            case "yes" or "y" or "favour" or "for":
                choice = VoteChoice.Yes;
                return true;
            case "no" or "n" or "against":
                choice = VoteChoice.No;
                return true;
            case "abstain" or "a" or "abstention":
                choice = VoteChoice.Abstain;
                return true;
            default:
                return false;
        }
    }

    public static string Words(VoteChoice choice) => choice switch
    {
        VoteChoice.Yes => "in favour",
        VoteChoice.No => "against",
        _ => "abstaining",
    };

    /// <summary>What a delegation did, as a receipt says it: "Estonia voted against D3 v4".</summary>
    public static string Verb(VoteChoice choice) => choice switch
    {
        VoteChoice.Yes => "voted in favour of",
        VoteChoice.No => "voted against",
        _ => "abstained on",
    };
}
