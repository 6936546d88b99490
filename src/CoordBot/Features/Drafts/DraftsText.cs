using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary>The words of the Drafts feature's refusals after a lookup: outcomes in, HTML out.</summary>
internal static class DraftsText
{
    public static string Refusal(DraftRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Code switch
        {
            DraftRefusalCode.NotVisible => DraftDesk.NotVisible(refusal.Id),
            DraftRefusalCode.NoAmendment => $"I know no amendment M{refusal.Id} on a draft your delegation can read.",
            DraftRefusalCode.Refused => Html.Escape(Access.Sentence(refusal.Reason ?? "that is not allowed")),
            _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal.Code, "A refusal without words"),
        };
    }
}
