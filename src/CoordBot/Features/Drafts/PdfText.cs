using System.IO.Compression;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace CoordBot.Features.Drafts;

/// <summary>
/// The paragraphs of a .pdf (PdfPig): each page's text in content order, a paragraph where the layout leaves a gap
/// between lines, the lines of one paragraph joined; a line that is only a page number is left out. A PDF keeps no
/// paragraphs of its own, so this is the layout's reading; the original goes to readers with the text.
/// </summary>
internal static class PdfText
{
    private static readonly ContentOrderTextExtractor.Options Layout = new() { SeparateParagraphsWithDoubleNewline = true, ReplaceWhitespaceWithSpace = true };

    public static ExtractedText Read(byte[] bytes)
    {
        var budget = new UnpackBudget();
        try
        {
            using var document = PdfDocument.Open(bytes, new ParsingOptions { FilterProvider = new GuardedFilters(budget), SkipMissingFonts = true });
            if (document.NumberOfPages > DraftFileReader.MaxPages)
            {
                return ExtractedText.Refused(DraftFileProblem.TooManyPages, document.NumberOfPages);
            }

            var paragraphs = new List<string>();
            foreach (var page in document.GetPages())
            {
                var text = ContentOrderTextExtractor.GetText(page, Layout).ReplaceLineEndings("\n");
                foreach (var block in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
                {
                    var lines = block.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Where(line => line.Length > 0 && !line.All(char.IsAsciiDigit));
                    var paragraph = string.Join(' ', lines);
                    if (paragraph.Length > 0)
                    {
                        paragraphs.Add(paragraph);
                    }
                }
            }

            return new ExtractedText(paragraphs);
        }
        catch (UnpackLimitException)
        {
            return ExtractedText.Refused(DraftFileProblem.Expands, budget.Used);
        }
        catch (PdfDocumentEncryptedException)
        {
            return ExtractedText.Refused(DraftFileProblem.Encrypted);
        }
#pragma warning disable CA1031 // a hostile or damaged file must never fail the update: PdfPig reports one with many exception types
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ExtractedText.Refused(DraftFileProblem.NotPdf);
        }
#pragma warning restore CA1031
    }

    private sealed class UnpackLimitException() : Exception("A stream of the PDF unpacks to more than the limit.");

    /// <summary>How much the document's streams have unpacked to so far, against <see cref="DraftFileReader.MaxUnpackedBytes"/>.</summary>
    private sealed class UnpackBudget
    {
        public long Used { get; private set; }

        public void Spend(long bytes)
        {
            Used += bytes;
            if (Used > DraftFileReader.MaxUnpackedBytes)
            {
                throw new UnpackLimitException();
            }
        }
    }

    /// <summary>
    /// PdfPig's own filters, each behind the budget. A Flate stream is first unpacked into nothing, counting, up to what
    /// is left of the budget, so a deflate bomb (kilobytes that unpack to gigabytes) stops before any of it is kept; the
    /// other filters cannot grow a stream that far and are counted after.
    /// </summary>
    private sealed class GuardedFilters(UnpackBudget budget) : BaseFilterProvider(Filters(budget))
    {
        private static Dictionary<string, IFilter> Filters(UnpackBudget budget)
        {
            var flate = new Guarded(new FlateFilter(), budget, countFirst: true);
            var lzw = new Guarded(new LzwFilter(), budget, countFirst: false);
            var runLength = new Guarded(new RunLengthFilter(), budget, countFirst: false);
            var hex = new AsciiHexDecodeFilter();
            var a85 = new Ascii85Filter();
            return new Dictionary<string, IFilter>(StringComparer.Ordinal)
            {
                [NameToken.FlateDecode.Data] = flate,
                [NameToken.FlateDecodeAbbreviation.Data] = flate,
                [NameToken.LzwDecode.Data] = lzw,
                [NameToken.LzwDecodeAbbreviation.Data] = lzw,
                [NameToken.RunLengthDecode.Data] = runLength,
                [NameToken.RunLengthDecodeAbbreviation.Data] = runLength,
                [NameToken.AsciiHexDecode.Data] = hex,
                [NameToken.AsciiHexDecodeAbbreviation.Data] = hex,
                [NameToken.Ascii85Decode.Data] = a85,
                [NameToken.Ascii85DecodeAbbreviation.Data] = a85,
            };
        }
    }

    private sealed class Guarded(IFilter inner, UnpackBudget budget, bool countFirst) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            if (countFirst)
            {
                CountInflated(input);
            }

            var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            if (!countFirst)
            {
                budget.Spend(output.Length);
            }

            return output;
        }

        private void CountInflated(Memory<byte> input)
        {
            if (input.Length <= 2)
            {
                return;
            }

            // As PdfPig's FlateFilter: the two bytes of the zlib header skipped, the rest raw deflate.
            using var inflate = new DeflateStream(new MemoryStream(input[2..].ToArray(), writable: false), CompressionMode.Decompress);
            var scratch = new byte[81920];
            try
            {
                int read;
                while ((read = inflate.Read(scratch, 0, scratch.Length)) > 0)
                {
                    budget.Spend(read);
                }
            }
            catch (InvalidDataException)
            {
                // A damaged stream unpacks to what came before the damage, as counted; PdfPig decides what to make of it.
            }
        }
    }
}
