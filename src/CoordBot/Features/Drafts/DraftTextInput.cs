using System.Text;
using CoordBot.Domain;
using CoordBot.Telegram.Receiving;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary>
/// The text of a draft or revision: after the first line break of the message, or in a .txt/.md/.docx/.pdf document
/// the command is the caption of. Up to <see cref="MaxCharacters"/> characters. A .docx or .pdf is kept as the version's
/// original (its Telegram file id) and goes to readers with the version's notices.
/// </summary>
internal static class DraftTextInput
{
    public const int MaxCharacters = 50_000;

    /// <summary>UTF-8 takes at most 4 bytes a character: a larger .txt/.md cannot hold an acceptable text, so it is refused unread.</summary>
    public const long MaxBytes = MaxCharacters * 4L;

    public static async Task<Outcome<DraftSubmission, DraftTextRefusal>> ReadAsync(CommandContext context, IDocumentFetcher fetcher, string usage, CancellationToken cancellationToken)
    {
        var document = context.Update.Update.Message?.Document;
        string text;
        DraftOriginal? original = null;
        if (document is not null)
        {
            if (context.Command.Body is not null)
            {
                return Refuse(ReasonCode.DraftTextBoth);
            }

            var name = document.FileName ?? string.Empty;
            if (DraftFileReader.KindOf(name) is not { } kind)
            {
                return File(new(DraftFileProblem.Type, name));
            }

            if (document.FileSize is not { } size)
            {
                return Refuse(ReasonCode.DraftFileSizeUnknown);
            }

            if (kind == DraftFileKind.PlainText)
            {
                if (size > MaxBytes)
                {
                    return Refuse(ReasonCode.DraftFileTooBig, new Amount(size), new Amount(MaxCharacters));
                }

                var bytes = await fetcher.DownloadAsync(document.FileId, MaxBytes, cancellationToken);
                if (bytes is null)
                {
                    return Refuse(ReasonCode.DraftFileLimit);
                }

                try
                {
                    text = InboundText.Clean(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes)).TrimStart('\uFEFF');
                }
                catch (DecoderFallbackException)
                {
                    return Refuse(ReasonCode.DraftFileNotUtf8);
                }
            }
            else
            {
                if (size > DraftFileReader.MaxBytes)
                {
                    return File(new(DraftFileProblem.TooLarge, name, size));
                }

                var bytes = await fetcher.DownloadAsync(document.FileId, DraftFileReader.MaxBytes, cancellationToken);
                if (bytes is null)
                {
                    return File(new(DraftFileProblem.Download, name));
                }

                var read = DraftFileReader.Read(kind, name, bytes);
                if (!read.IsAccepted)
                {
                    return File(read.Refusal!);
                }

                text = read.Value!;
                original = new DraftOriginal(document.FileId, name.Length > 256 ? name[..256] : name, kind);
            }
        }
        else
        {
            text = context.Command.Body ?? string.Empty;
        }

        text = text.ReplaceLineEndings("\n").Trim();
        if (text.Length == 0)
        {
            return Refuse(ReasonCode.DraftTextMissing, usage);
        }

        return text.Length > MaxCharacters
            ? Refuse(ReasonCode.DraftTextTooLong, new Amount(text.Length), new Amount(MaxCharacters))
            : Outcome<DraftSubmission, DraftTextRefusal>.Accept(new(text, original));
    }

    /// <summary>The reply to a text that was not read, in the reader's language.</summary>
    public static string Refusal(string language, DraftTextRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.File is { } file ? DocumentsText.Refusal(language, file) : DraftsText.Sentence(language, refusal.Reason!);
    }

    private static Outcome<DraftSubmission, DraftTextRefusal> Refuse(ReasonCode code, params object[] args) => Outcome<DraftSubmission, DraftTextRefusal>.Refuse(new(Reason.Of(code, args), null));

    private static Outcome<DraftSubmission, DraftTextRefusal> File(DraftFileRefusal file) => Outcome<DraftSubmission, DraftTextRefusal>.Refuse(new(null, file));
}

/// <summary>A draft's text as sent, and the .docx/.pdf it was read from (none for a typed text or a .txt/.md).</summary>
internal sealed record DraftSubmission(string Text, DraftOriginal? Original);

/// <summary>A document Telegram holds (by its file id) that a version's text was read from.</summary>
internal sealed record DraftOriginal(string FileId, string FileName, DraftFileKind Kind);

/// <summary>
/// Why a text was not taken: a reason worded from the catalogue (<c>Reason.Draft*</c>, <see cref="DraftsText.Sentence"/>),
/// or a .docx/.pdf that could not be read, with its typed reason.
/// </summary>
internal sealed record DraftTextRefusal(Reason? Reason, DraftFileRefusal? File);
