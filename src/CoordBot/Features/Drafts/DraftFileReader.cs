namespace CoordBot.Features.Drafts;

/// <summary>The kinds of draft file the bot reads: the extension decides (Telegram's MIME type is the sender's word too).</summary>
public enum DraftFileKind
{
    PlainText,
    Word,
    Pdf,
}

/// <summary>Why a draft file was not read; each has its sentence in the Documents catalogue (<c>Documents.Refused.*</c>).</summary>
public enum DraftFileProblem
{
    /// <summary>Not .txt, .md, .docx or .pdf (an old .doc, an image, a spreadsheet).</summary>
    Type,

    /// <summary>Larger than the limit for its kind, by the size Telegram announced or the bytes received.</summary>
    TooLarge,

    /// <summary>The download failed or came back larger than announced.</summary>
    Download,

    /// <summary>A .docx that is no Word document: not a zip package, or no main document in it (an old .doc renamed, a damaged file).</summary>
    NotWord,

    /// <summary>A .docx whose parts unpack to far more than the file (a zip bomb), or with too many parts.</summary>
    Expands,

    /// <summary>A .pdf the reader cannot parse: damaged, or not a PDF.</summary>
    NotPdf,

    /// <summary>Protected by a password (a .pdf with encryption; a password-protected .docx is not a zip at all and is <see cref="NotWord"/>).</summary>
    Encrypted,

    /// <summary>More pages than a draft may have.</summary>
    TooManyPages,

    /// <summary>Readable, but no text in it (a scanned .pdf, an empty document).</summary>
    NoText,
}

/// <summary>A draft file that was not read: the problem, the file's name as sent, and the number the sentence needs (bytes, pages).</summary>
public sealed record DraftFileRefusal(DraftFileProblem Problem, string FileName, long Number = 0);

/// <summary>
/// Reads the text of a .docx or .pdf draft (bytes already within <see cref="MaxBytes"/>), each paragraph on its own line so
/// that <see cref="Domain.Drafts.Paragraphs"/> numbers them §1, §2, ... as for a typed text. Pure: no Telegram, no clock.
/// Hostile files are refused, not read: a size limit on the file, on what a .docx unpacks to, on what a .pdf's streams
/// decompress to, and on pages.
/// </summary>
public static class DraftFileReader
{
    /// <summary>A .docx or .pdf of a draft is text with some formatting, perhaps a logo; 10 MB is generous (Telegram lets bots download 20 MB).</summary>
    public const long MaxBytes = 10L * 1024 * 1024;

    /// <summary>What the parts of a .docx, or the streams of a .pdf, may unpack to in all.</summary>
    public const long MaxUnpackedBytes = 64L * 1024 * 1024;

    public const int MaxPages = 300;

    private static readonly Dictionary<string, DraftFileKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = DraftFileKind.PlainText,
        [".md"] = DraftFileKind.PlainText,
        [".docx"] = DraftFileKind.Word,
        [".pdf"] = DraftFileKind.Pdf,
    };

    /// <summary>The kind of a file by its name; null for a kind the bot does not read.</summary>
    public static DraftFileKind? KindOf(string fileName) =>
        Kinds.TryGetValue(Path.GetExtension(fileName ?? string.Empty), out var kind) ? kind : null;

    /// <summary>The text of a .docx or .pdf, paragraphs one a line, or why not.</summary>
    public static Domain.Outcome<string, DraftFileRefusal> Read(DraftFileKind kind, string fileName, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.LongLength > MaxBytes)
        {
            return Refuse(DraftFileProblem.TooLarge, fileName, bytes.LongLength);
        }

        var read = kind switch
        {
            DraftFileKind.Word => DocxText.Read(bytes),
            DraftFileKind.Pdf => PdfText.Read(bytes),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "plain text is read as UTF-8 by DraftTextInput"),
        };
        if (read.Problem is { } problem)
        {
            return Refuse(problem, fileName, read.Number);
        }

        var text = string.Join("\n", read.Paragraphs.Select(Tidy).Where(p => p.Length > 0));
        return text.Length == 0 ? Refuse(DraftFileProblem.NoText, fileName, 0) : Domain.Outcome<string, DraftFileRefusal>.Accept(text);
    }

    /// <summary>One paragraph on one line: runs of white space (tabs, line breaks inside it, no-break spaces) become one space.</summary>
    internal static string Tidy(string paragraph) =>
        string.Join(' ', Telegram.Receiving.InboundText.Clean(paragraph).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static Domain.Outcome<string, DraftFileRefusal> Refuse(DraftFileProblem problem, string fileName, long number) =>
        Domain.Outcome<string, DraftFileRefusal>.Refuse(new(problem, fileName, number));
}

/// <summary>What an extractor found: the paragraphs, or a problem (with its number: pages, bytes).</summary>
internal sealed record ExtractedText(IReadOnlyList<string> Paragraphs, DraftFileProblem? Problem = null, long Number = 0)
{
    public static ExtractedText Refused(DraftFileProblem problem, long number = 0) => new([], problem, number);
}
