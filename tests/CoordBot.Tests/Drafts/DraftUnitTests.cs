using CoordBot.Domain;
using CoordBot.Domain.Drafts;
using CoordBot.Localization;
using CoordBot.Features.Drafts;
using CoordBot.Persistence;
using CoordBot.Telegram.Routing;
using CoordBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Moq;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace CoordBot.Tests.Drafts;

public sealed class WordDiffTests
{
    [Fact]
    public void A_changed_word_is_struck_through_and_its_replacement_underlined()
    {
        var runs = WordDiff.Compare("The Council condemns the attack.", "The Council deplores the attack.");
        var html = string.Join("", WordDiff.Render(runs, "h"));

        Assert.Contains("<s>condemns</s>", html, StringComparison.Ordinal);
        Assert.Contains("<u>deplores</u>", html, StringComparison.Ordinal);
        Assert.Contains("The Council ", html, StringComparison.Ordinal);
        Assert.Equal((1, 1), WordDiff.CountWords(runs));
    }

    [Fact]
    public void Markup_in_the_texts_is_escaped()
    {
        var html = string.Join("", WordDiff.Render(WordDiff.Compare("a <b> c", "a <i> & c"), "h"));

        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;", html, StringComparison.Ordinal);
        Assert.Contains("&amp;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_comparison_is_cut_into_messages_that_each_close_their_tags()
    {
        var old = string.Join("\n\n", Enumerable.Range(1, 300).Select(i => $"Paragraph {i} says old things."));
        var @new = string.Join("\n\n", Enumerable.Range(1, 300).Select(i => $"Paragraph {i} says new things."));

        var messages = WordDiff.Render(WordDiff.Compare(old, @new), "<b>header</b>", limit: 1000);

        Assert.True(messages.Count > 5);
        foreach (var message in messages)
        {
            Assert.True(message.Length <= 1000);
            Assert.Equal(Count(message, "<s>"), Count(message, "</s>"));
            Assert.Equal(Count(message, "<u>"), Count(message, "</u>"));
        }
    }

    private static int Count(string text, string what) => (text.Length - text.Replace(what, string.Empty, StringComparison.Ordinal).Length) / what.Length;
}

public sealed class DraftRefsTests
{
    [Theory]
    [InlineData("D3", 'D', true, 3)]
    [InlineData("d12", 'D', true, 12)]
    [InlineData("M1", 'M', true, 1)]
    [InlineData("D0", 'D', false, 0)]
    [InlineData("D-1", 'D', false, 0)]
    [InlineData("3", 'D', false, 0)]
    [InlineData("A", 'A', false, 0)]
    public void Parses_references(string word, char prefix, bool ok, long id)
    {
        Assert.Equal(ok, DraftRefs.TryParse(word, prefix, out var parsed));
        Assert.Equal(id, ok ? parsed : 0);
    }

    [Theory]
    [InlineData("24", true)]
    [InlineData("1", true)]
    [InlineData("720", true)]
    [InlineData("0", false)]
    [InlineData("721", false)]
    [InlineData("1.5", false)]
    [InlineData("-2", false)]
    public void Silence_takes_whole_hours(string word, bool ok) => Assert.Equal(ok, DraftRefs.TryParseHours(word, out _));

    [Fact]
    public void Paragraphs_are_written_with_the_section_sign() =>
        Assert.True(DraftRefs.TryParseParagraph("§4", out var k) && k == 4 && !DraftRefs.TryParseParagraph("4", out _));
}

public sealed class DraftTextInputTests
{
    [Fact]
    public async Task A_file_too_large_is_refused_from_its_announced_size_without_downloading_it()
    {
        var fetcher = new Mock<IDocumentFetcher>(MockBehavior.Strict);
        var context = WithDocument("big.txt", DraftTextInput.MaxBytes + 1);

        var result = await DraftTextInput.ReadAsync(context, fetcher.Object, "usage", CancellationToken.None);

        Assert.False(result.IsAccepted);
        Assert.Equal(Reason.Of(ReasonCode.DraftFileTooBig, new Amount(DraftTextInput.MaxBytes + 1), new Amount(50_000)), result.Refusal!.Reason);
        Assert.Equal("that file is 200,001 bytes: a draft may have at most 50,000 characters", Reasons.Text(Languages.English, result.Refusal.Reason!));
        fetcher.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_document_of_another_type_is_refused_without_downloading_it()
    {
        var fetcher = new Mock<IDocumentFetcher>(MockBehavior.Strict);

        var result = await DraftTextInput.ReadAsync(WithDocument("draft.doc", 100), fetcher.Object, "usage", CancellationToken.None);

        Assert.Equal(new DraftFileRefusal(DraftFileProblem.Type, "draft.doc"), result.Refusal!.File);
    }

    [Fact]
    public async Task A_word_or_pdf_file_over_its_limit_is_refused_from_its_announced_size_without_downloading_it()
    {
        var fetcher = new Mock<IDocumentFetcher>(MockBehavior.Strict);

        var result = await DraftTextInput.ReadAsync(WithDocument("annex.pdf", DraftFileReader.MaxBytes + 1), fetcher.Object, "usage", CancellationToken.None);

        Assert.Equal(DraftFileProblem.TooLarge, result.Refusal!.File!.Problem);
        fetcher.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_word_document_is_read_and_kept_as_the_original()
    {
        var fetcher = new Mock<IDocumentFetcher>();
        fetcher.Setup(f => f.DownloadAsync("file-1", DraftFileReader.MaxBytes, It.IsAny<CancellationToken>()))
            .ReturnsAsync(DraftFiles.Docx(DraftFiles.Plain("The Council,"), DraftFiles.Listed(0, "Decides.")));

        var result = await DraftTextInput.ReadAsync(WithDocument("draft.docx", 3000), fetcher.Object, "usage", CancellationToken.None);

        Assert.Equal("The Council,\n1. Decides.\nIn a table cell.", result.Value!.Text);
        Assert.Equal(new DraftOriginal("file-1", "draft.docx", DraftFileKind.Word), result.Value.Original);
    }

    [Fact]
    public async Task A_markdown_document_is_read_as_utf8_without_its_byte_order_mark()
    {
        var fetcher = new Mock<IDocumentFetcher>();
        fetcher.Setup(f => f.DownloadAsync("file-1", DraftTextInput.MaxBytes, It.IsAny<CancellationToken>()))
            .ReturnsAsync([0xEF, 0xBB, 0xBF, .. "Déclaration\r\n\r\n§ deux"u8.ToArray()]);

        var result = await DraftTextInput.ReadAsync(WithDocument("text.MD", 30), fetcher.Object, "usage", CancellationToken.None);

        Assert.Equal("Déclaration\n\n§ deux", result.Value!.Text);
        Assert.Null(result.Value.Original);
    }

    private static CommandContext WithDocument(string name, long size)
    {
        var update = new Update
        {
            Id = 1,
            Message = new Message
            {
                Id = 10,
                Date = TestContexts.Now,
                Caption = "/draft_new Title",
                Document = new Document { FileId = "file-1", FileUniqueId = "u1", FileName = name, FileSize = size },
                Chat = new Chat { Id = 42, Type = ChatType.Private },
                From = new User { Id = 42, FirstName = "Kaja" },
            },
        };
        var context = new UpdateContext(TestContexts.Db(), update, 42, ChatType.Private, new Actor(42, "Kaja", false), TestContexts.Now, "CoordBot");
        return new CommandContext(context, CommandParser.Parse("/draft_new Title")!);
    }
}

public sealed class DraftLinksTests : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    public void Dispose() => connection.Dispose();

    [Fact]
    public async Task Labels_drafts_by_agenda_item_with_their_status()
    {
        connection.Open();
        await using var db = new CoordBotDb(new DbContextOptionsBuilder<CoordBotDb>().UseSqlite(connection).Options);
        await db.Database.EnsureCreatedAsync();
        db.Drafts.AddRange(
            new Draft { Title = "a", PenholderCode = "EST", AgendaItemId = 5, Status = DraftStatus.InBlue },
            new Draft { Title = "b", PenholderCode = "FRA", AgendaItemId = 5, Status = DraftStatus.Negotiation },
            new Draft { Title = "c", PenholderCode = "FRA", AgendaItemId = 6, Status = DraftStatus.AgreedUnderSilence },
            new Draft { Title = "d", PenholderCode = "FRA", Status = DraftStatus.Negotiation });
        await db.SaveChangesAsync();

        var labels = await new DraftLinks().LabelsAsync(db, [5, 7], CancellationToken.None);

        Assert.Equal(["D1 (in blue)", "D2 (under negotiation)"], labels[5]);
        Assert.False(labels.ContainsKey(7));
        Assert.False(labels.ContainsKey(6));
    }
}
