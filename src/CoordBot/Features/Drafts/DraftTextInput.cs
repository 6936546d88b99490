using System.Text;
using CoordBot.Domain;
using CoordBot.Telegram.Receiving;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary>
/// The text of a draft or revision: after the first line break of the message, or in a .txt/.md document
/// the command is the caption of. Up to <see cref="MaxCharacters"/> characters. A refusal is a <see cref="Reason"/>
/// (its words are the catalogue's <c>Reason.Draft*</c>).
/// </summary>
internal static class DraftTextInput
{
    public const int MaxCharacters = 50_000;

    /// <summary>UTF-8 takes at most 4 bytes a character: a larger file cannot hold an acceptable text, so it is refused unread.</summary>
    public const long MaxBytes = MaxCharacters * 4L;

    private static readonly string[] Extensions = [".txt", ".md"];

    public static async Task<Outcome<string, Reason>> ReadAsync(CommandContext context, IDocumentFetcher fetcher, string usage, CancellationToken cancellationToken)
    {
        var document = context.Update.Update.Message?.Document;
        string text;
        if (document is not null)
        {
            if (context.Command.Body is not null)
            {
                return Refuse(ReasonCode.DraftTextBoth);
            }

            var name = document.FileName ?? string.Empty;
            if (!Extensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase))
            {
                return Refuse(ReasonCode.DraftFileType, name);
            }

            if (document.FileSize is not { } size)
            {
                return Refuse(ReasonCode.DraftFileSizeUnknown);
            }

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
            text = context.Command.Body ?? string.Empty;
        }

        text = text.ReplaceLineEndings("\n").Trim();
        if (text.Length == 0)
        {
            return Refuse(ReasonCode.DraftTextMissing, usage);
        }

        return text.Length > MaxCharacters
            ? Refuse(ReasonCode.DraftTextTooLong, new Amount(text.Length), new Amount(MaxCharacters))
            : Outcome<string, Reason>.Accept(text);
    }

    private static Outcome<string, Reason> Refuse(ReasonCode code, params object[] args) => Outcome<string, Reason>.Refuse(Reason.Of(code, args));
}
