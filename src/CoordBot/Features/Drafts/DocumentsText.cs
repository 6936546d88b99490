using CoordBot.Localization;
using CoordBot.Telegram.Rendering;

namespace CoordBot.Features.Drafts;

/// <summary>The words about draft files (.docx, .pdf): why one was not read, what was read, the original's caption.</summary>
internal static class DocumentsText
{
    public static string Refusal(string language, DraftFileRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var name = Html.Escape(refusal.FileName);
        var key = "Documents.Refused." + refusal.Problem;
        return refusal.Problem switch
        {
            DraftFileProblem.TooLarge => Catalogue.Format(language, key, name, Megabytes(language, refusal.Number), Megabytes(language, DraftFileReader.MaxBytes)),
            DraftFileProblem.Expands => Catalogue.Format(language, key, name, Megabytes(language, DraftFileReader.MaxUnpackedBytes)),
            DraftFileProblem.TooManyPages => Catalogue.Format(language, key, name, refusal.Number, DraftFileReader.MaxPages),
            _ => Catalogue.Format(language, key, name),
        };
    }

    /// <summary>"Read from report.docx (Word document): paragraphs numbered §1 to §5. ..."</summary>
    public static string Read(string language, DraftOriginal original, int paragraphs)
    {
        ArgumentNullException.ThrowIfNull(original);
        return Catalogue.Format(language, "Documents.Read", Html.Escape(original.FileName), Catalogue.Text(language, "Documents.Kind." + original.Kind), paragraphs);
    }

    /// <summary>The caption of an original file sent to a reader.</summary>
    public static string Original(string language, Draft draft, DraftVersion version)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(version);
        return Catalogue.Format(language, "Documents.Original", draft.Label, version.Number, Html.Escape(draft.Title), version.ShortHash);
    }

    // 10 MB, 12.4 MB: one decimal only when it is not a whole number.
    private static string Megabytes(string language, long bytes) =>
        (bytes / (1024.0 * 1024.0)).ToString("0.#", Catalogue.FormatCulture(language));
}
