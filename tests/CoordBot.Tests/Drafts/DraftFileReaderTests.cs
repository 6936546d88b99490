using CoordBot.Features.Drafts;
using static CoordBot.Tests.Drafts.DraftFiles;

namespace CoordBot.Tests.Drafts;

/// <summary>The text of .docx and .pdf drafts, paragraph by paragraph, and the files refused with their reason.</summary>
public sealed class DraftFileReaderTests
{
    [Fact]
    public void A_word_document_gives_its_paragraphs_one_a_line_with_the_numbers_word_shows()
    {
        var docx = Docx(
            Plain("The Security Council,"),
            Plain("Recalling its previous ", "resolutions,"),
            Listed(0, "Decides to renew the mandate;"),
            Listed(1, "until 31 December;"),
            Listed(1, "with the same ", null, "strength;"),
            Plain(string.Empty),
            Listed(0, "Decides to remain seized of the matter."));

        var read = DraftFileReader.Read(DraftFileKind.Word, "draft.docx", docx);

        Assert.True(read.IsAccepted, read.Refusal?.ToString());
        Assert.Equal(
            "The Security Council,\nRecalling its previous resolutions,\n1. Decides to renew the mandate;\n(a) until 31 December;\n(b) with the same strength;\n2. Decides to remain seized of the matter.\nIn a table cell.",
            read.Value);
    }

    [Fact]
    public void A_pdf_gives_its_paragraphs_with_wrapped_lines_joined_and_the_page_number_left_out()
    {
        var pdf = Pdf(
            ["The Security Council,"],
            ["Recalling its previous resolutions on the situation", "in the Sahel region,"],
            ["1. Decides to renew the mandate."]);

        var read = DraftFileReader.Read(DraftFileKind.Pdf, "draft.pdf", pdf);

        Assert.True(read.IsAccepted, read.Refusal?.ToString());
        Assert.Equal("The Security Council,\nRecalling its previous resolutions on the situation in the Sahel region,\n1. Decides to renew the mandate.", read.Value);
    }

    public static TheoryData<DraftFileKind, string, byte[], DraftFileProblem> Unreadable => new()
    {
        { DraftFileKind.Word, "old.docx", "\u00D0\u00CF\u0011\u00E0 an old binary .doc"u8.ToArray(), DraftFileProblem.NotWord },
        { DraftFileKind.Word, "empty.docx", ZipBomb(0), DraftFileProblem.NotWord },
        { DraftFileKind.Word, "bomb.docx", ZipBomb(80), DraftFileProblem.Expands },
        { DraftFileKind.Pdf, "scan.pdf", [0x25, 0x50, 0x44, 0x46], DraftFileProblem.NotPdf },
        { DraftFileKind.Pdf, "letter.pdf", "Dear colleagues, this is no PDF."u8.ToArray(), DraftFileProblem.NotPdf },
        { DraftFileKind.Pdf, "scanned.pdf", EmptyPdf(2), DraftFileProblem.NoText },
        { DraftFileKind.Pdf, "annexes.pdf", EmptyPdf(DraftFileReader.MaxPages + 1), DraftFileProblem.TooManyPages },
        { DraftFileKind.Pdf, "bomb.pdf", FlateBombPdf(80), DraftFileProblem.Expands },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void An_unreadable_file_is_refused_with_its_reason(DraftFileKind kind, string name, byte[] bytes, DraftFileProblem problem)
    {
        var read = DraftFileReader.Read(kind, name, bytes);

        Assert.False(read.IsAccepted);
        Assert.Equal(problem, read.Refusal!.Problem);
        Assert.Equal(name, read.Refusal.FileName);
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_unread() =>
        Assert.Equal(DraftFileProblem.TooLarge, DraftFileReader.Read(DraftFileKind.Pdf, "big.pdf", new byte[DraftFileReader.MaxBytes + 1]).Refusal!.Problem);

    [Theory]
    [InlineData("draft.docx", DraftFileKind.Word)]
    [InlineData("Draft.PDF", DraftFileKind.Pdf)]
    [InlineData("notes.md", DraftFileKind.PlainText)]
    [InlineData("notes.txt", DraftFileKind.PlainText)]
    [InlineData("old.doc", null)]
    [InlineData("sheet.xlsx", null)]
    [InlineData("docx", null)]
    public void The_kind_of_file_is_told_by_its_extension(string name, DraftFileKind? kind) => Assert.Equal(kind, DraftFileReader.KindOf(name));

    [Fact]
    public void Every_refusal_has_its_words_naming_the_file()
    {
        foreach (var problem in Enum.GetValues<DraftFileProblem>())
        {
            foreach (var language in CoordBot.Localization.Languages.All)
            {
                var text = DocumentsText.Refusal(language, new DraftFileRefusal(problem, "a<b>.pdf", 12 * 1024 * 1024));
                Assert.Contains("a&lt;b&gt;.pdf", text, StringComparison.Ordinal);
            }
        }

        Assert.Equal("\"big.pdf\" is 12 MB: a draft file may be at most 10 MB. Send a smaller file (without images), or paste the text.", DocumentsText.Refusal("en", new DraftFileRefusal(DraftFileProblem.TooLarge, "big.pdf", 12 * 1024 * 1024)));
    }
}
