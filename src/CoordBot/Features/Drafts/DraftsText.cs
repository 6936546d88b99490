using CoordBot.Domain;
using CoordBot.Domain.Drafts;
using CoordBot.Localization;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary>The words of the Drafts feature's refusals after a lookup: outcomes in, HTML out, in the reader's language.</summary>
internal static class DraftsText
{
    public static string Refusal(DraftRefusal refusal) => Refusal(Languages.English, refusal);

    public static string Refusal(string language, DraftRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Code switch
        {
            DraftRefusalCode.NotVisible => DraftDesk.NotVisible(language, refusal.Id),
            DraftRefusalCode.NoAmendment => Catalogue.Format(language, "Drafts.NoAmendment", $"M{refusal.Id}"),
            // The two answers of old: /extend's and /breaksilence's words differ, and both are kept.
            DraftRefusalCode.SilenceOver => Catalogue.Format(language, refusal.Action == DraftAction.ExtendSilence ? "Drafts.SilenceOverExtend" : "Drafts.SilenceOver", $"D{refusal.Id}"),
            DraftRefusalCode.Refused => Access.RefusalText(language, refusal.Reason),
            _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal.Code, "A refusal without words"),
        };
    }

    /// <summary>A reason of the domain or of an input reader ("the text is missing ...") as a sentence in the reader's language (HTML).</summary>
    public static string Sentence(string language, Reason reason) => Access.RefusalText(language, reason);
}
