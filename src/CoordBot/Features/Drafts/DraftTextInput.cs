using System.Globalization;
using System.Text;
using CoordBot.Domain;
using CoordBot.Telegram.Receiving;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary>
/// The text of a draft or revision: after the first line break of the message, or in a .txt/.md document
/// the command is the caption of. Up to <see cref="MaxCharacters"/> characters.
/// </summary>
internal static class DraftTextInput
{
    public const int MaxCharacters = 50_000;

    /// <summary>UTF-8 takes at most 4 bytes a character: a larger file cannot hold an acceptable text, so it is refused unread.</summary>
    public const long MaxBytes = MaxCharacters * 4L;

    private static readonly string[] Extensions = [".txt", ".md"];

    public static async Task<Result<string>> ReadAsync(CommandContext context, IDocumentFetcher fetcher, string usage, CancellationToken cancellationToken)
    {
        var document = context.Update.Update.Message?.Document;
        string text;
        if (document is not null)
        {
            if (context.Command.Body is not null)
            {
                return Result.Fail<string>("send the text either after a line break or as a document, not both");
            }

            var name = document.FileName ?? string.Empty;
            if (!Extensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase))
            {
                return Result.Fail<string>($"I accept drafts as .txt or .md documents only (UTF-8 text); \"{name}\" is not one. Send the text as a .txt file or in the message after a line break");
            }

            if (document.FileSize is not { } size)
            {
                return Result.Fail<string>("Telegram did not tell me the size of that file, so I did not read it. Send it again, or paste the text");
            }

            if (size > MaxBytes)
            {
                return Result.Fail<string>($"that file is {size.ToString("N0", CultureInfo.InvariantCulture)} bytes: a draft may have at most {MaxCharacters.ToString("N0", CultureInfo.InvariantCulture)} characters");
            }

            var bytes = await fetcher.DownloadAsync(document.FileId, MaxBytes, cancellationToken);
            if (bytes is null)
            {
                return Result.Fail<string>("I could not read that file within the size limit");
            }

            try
            {
                text = InboundText.Clean(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes)).TrimStart('\uFEFF');
            }
            catch (DecoderFallbackException)
            {
                return Result.Fail<string>("that file is not UTF-8 text. Save it as UTF-8 plain text (.txt) and send it again");
            }
        }
        else
        {
            text = context.Command.Body ?? string.Empty;
        }

        text = text.ReplaceLineEndings("\n").Trim();
        if (text.Length == 0)
        {
            return Result.Fail<string>($"the text is missing. Usage: {usage}");
        }

        return text.Length > MaxCharacters
            ? Result.Fail<string>($"the text has {text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters: a draft may have at most {MaxCharacters.ToString("N0", CultureInfo.InvariantCulture)}. Shorten it, or split it into several drafts")
            : Result.Ok(text);
    }
}
