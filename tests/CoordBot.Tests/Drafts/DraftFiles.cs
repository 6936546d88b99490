using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace CoordBot.Tests.Drafts;

/// <summary>Draft files built by the same libraries the bot reads them with: Word .docx (Open XML SDK) and PDF (PdfPig), and hostile ones.</summary>
internal static class DraftFiles
{
    /// <summary>A paragraph of a .docx: its runs' texts (a null run is a line break inside the paragraph), at a list level or none.</summary>
    public sealed record WordParagraph(string?[] Runs, int? ListLevel = null);

    public static WordParagraph Plain(params string?[] runs) => new(runs);

    public static WordParagraph Listed(int level, params string?[] runs) => new(runs, level);

    /// <summary>A Word document; list paragraphs use one list numbered "1.", "2." with "(a)", "(b)" below.</summary>
    public static byte[] Docx(params WordParagraph[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1." }) { LevelIndex = 0 },
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.LowerLetter }, new LevelText { Val = "(%2)" }) { LevelIndex = 1 })
                { AbstractNumberId = 1 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 });
            var body = new Body();
            foreach (var paragraph in paragraphs)
            {
                var p = new Paragraph();
                if (paragraph.ListLevel is { } level)
                {
                    p.Append(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = 1 })));
                }

                foreach (var run in paragraph.Runs)
                {
                    p.Append(run is null ? new Run(new Break()) : new Run(new Text(run) { Space = SpaceProcessingModeValues.Preserve }));
                }

                body.Append(p);
            }

            body.Append(new Table(new TableRow(new TableCell(new Paragraph(new Run(new Text("In a table cell.")))))));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    /// <summary>A PDF: each paragraph's lines one under the other, a blank line between paragraphs, a page number at the foot.</summary>
    public static byte[] Pdf(params string[][] paragraphs)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        double y = 780;
        foreach (var lines in paragraphs)
        {
            foreach (var line in lines)
            {
                page.AddText(line, 11, new PdfPoint(60, y), font);
                y -= 14;
            }

            y -= 14;
        }

        page.AddText("1", 9, new PdfPoint(300, 40), font);
        return builder.Build();
    }

    /// <summary>A PDF of <paramref name="pages"/> empty pages (no text at all: as a scan would read).</summary>
    public static byte[] EmptyPdf(int pages)
    {
        var builder = new PdfDocumentBuilder();
        for (var i = 0; i < pages; i++)
        {
            builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        }

        return builder.Build();
    }

    /// <summary>A .docx-named zip whose one part unpacks to <paramref name="megabytes"/> MB of zeros from a few kilobytes.</summary>
    public static byte[] ZipBomb(int megabytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < megabytes; i++)
            {
                part.Write(zeros);
            }
        }

        return stream.ToArray();
    }

    /// <summary>A hand-written PDF whose one page's content stream is a Flate bomb: a few kilobytes that unpack to <paramref name="megabytes"/> MB.</summary>
    public static byte[] FlateBombPdf(int megabytes)
    {
        using var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var spaces = Enumerable.Repeat((byte)' ', 1024 * 1024).ToArray();
            for (var i = 0; i < megabytes; i++)
            {
                zlib.Write(spaces);
            }
        }

        var content = packed.ToArray();
        using var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Write(string s) => pdf.Write(Encoding.ASCII.GetBytes(s));
        Write("%PDF-1.4\n");
        offsets.Add(pdf.Position);
        Write("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
        offsets.Add(pdf.Position);
        Write("2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n");
        offsets.Add(pdf.Position);
        Write("3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << >> >> endobj\n");
        offsets.Add(pdf.Position);
        Write($"4 0 obj << /Length {content.Length} /Filter /FlateDecode >> stream\n");
        pdf.Write(content);
        Write("\nendstream endobj\n");
        var xref = pdf.Position;
        Write("xref\n0 5\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write($"{offset:D10} 00000 n \n");
        }

        Write($"trailer << /Size 5 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }
}
