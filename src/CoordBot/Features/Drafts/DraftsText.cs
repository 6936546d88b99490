using CoordBot.Domain.Drafts;
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
            // The two answers of old: /extend's and /breaksilence's words differ, and both are kept.
            DraftRefusalCode.SilenceOver => refusal.Action == DraftAction.ExtendSilence
                ? $"Too late: the silence deadline on D{refusal.Id} had passed, so it is now agreed under silence."
                : $"Too late: the silence deadline on D{refusal.Id} has passed, so it is agreed under silence.",
            DraftRefusalCode.Refused => Html.Escape(Access.Sentence(refusal.Reason ?? "that is not allowed")),
            _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal.Code, "A refusal without words"),
        };
    }
}
