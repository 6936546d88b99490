using CoordBot.BotApi;
using CoordBot.Domain.Membership;
using CoordBot.Persistence;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoordBot.Tests.Drafts.DraftFiles;

namespace CoordBot.Tests.Drafts;

/// <summary>
/// Issue 24 item 8: drafts arrive as .docx and .pdf as missions write them; the text is read paragraph by paragraph, the
/// original goes to the readers (and only to them) with the notices, and a file that cannot be read is answered with its reason.
/// </summary>
public sealed class DraftDocumentsEndToEndTests
{
    private const long EstHead = 101;
    private const long FraHead = 201;
    private const long UsaHead = 301;
    private const long ChnHead = 401;
    private const long EstGroup = -100101;
    private const long FraGroup = -100201;

    private static async Task<BotHarness> CouncilAsync()
    {
        var fast = new Dictionary<string, string?> { ["Delivery:GroupPerMinute"] = "600", ["Delivery:PrivatePerSecond"] = "20" };
        var bot = await BotHarness.StartAsync(fast, new BotApiEmulatorOptions { GroupPerMinute = 600, PrivatePerSecond = 20, PrivateBurst = 20 });
        await bot.SeedMemberAsync(EstHead, "EST", DelegationRole.Head, "Sven", "Europe/Tallinn");
        await bot.SeedMemberAsync(FraHead, "FRA", DelegationRole.Head, "Nicolas", "Europe/Paris");
        await bot.SeedMemberAsync(UsaHead, "USA", DelegationRole.Head, "Kelly", "America/New_York");
        await bot.SeedMemberAsync(ChnHead, "CHN", DelegationRole.Head, "Jun", "Asia/Shanghai");
        await bot.LinkGroupAsync("EST", EstGroup);
        await bot.LinkGroupAsync("FRA", FraGroup);
        return bot;
    }

    private static Task<SentMessage> FileInChat(BotHarness bot, long chat, string name) =>
        bot.ReplyAsync(chat, m => m.DocumentName == name);

    [Fact]
    public async Task A_word_draft_is_read_by_paragraph_circulated_with_its_original_and_revised_from_a_pdf()
    {
        await using var bot = await CouncilAsync();
        var docx = Docx(
            Plain("The Security Council,"),
            Plain("Recalling its previous resolutions,"),
            Listed(0, "Welcomes the agreement;"),
            Listed(0, "Calls for calm."));

        var created = await bot.AskWithDocumentAsync(EstHead, "sahel.docx", docx, "/draft_new Resolution on the Sahel");
        Assert.StartsWith("Created D1", created.PlainText, StringComparison.Ordinal);
        Assert.Contains("version 1 (5 paragraphs", created.PlainText, StringComparison.Ordinal);
        Assert.Contains("Read from sahel.docx (Word document): paragraphs numbered §1 to §5.", created.PlainText, StringComparison.Ordinal);

        // France by its group, China privately and in French; the United States is not on the list.
        await bot.AskAsync(ChnHead, "/language fr");
        Assert.Contains("circulated to 2 delegation", (await bot.AskAsync(EstHead, "/circulate D1 FRA,CHN")).PlainText, StringComparison.Ordinal);
        var text = await bot.MessageStartingWithCatalogueAsync(FraGroup, "Drafts.Circulated");
        Assert.Contains("§4 2. Calls for calm.", text.PlainText, StringComparison.Ordinal);
        Assert.Contains("§3 1. Welcomes the agreement;", text.PlainText, StringComparison.Ordinal);
        var original = await FileInChat(bot, FraGroup, "sahel.docx");
        Assert.Equal(docx, original.DocumentContent);
        Assert.Contains("Original file of D1 v1 · Resolution on the Sahel", original.PlainText, StringComparison.Ordinal);
        Assert.True(original.MessageId > text.MessageId, "the original comes after the text it goes with");
        var inFrench = await FileInChat(bot, ChnHead, "sahel.docx");
        Assert.Contains("Fichier original de D1 v1", inFrench.PlainText, StringComparison.Ordinal);

        // A revision from a PDF: its readers get the notice and the new original.
        var pdf = Pdf(["The Security Council,"], ["Recalling its previous resolutions", "on the Sahel,"], ["1. Welcomes the agreement."]);
        var revised = await bot.AskWithDocumentAsync(EstHead, "sahel-v2.pdf", pdf, "/revise D1");
        Assert.StartsWith("D1 is now at version 2", revised.PlainText, StringComparison.Ordinal);
        Assert.Contains("Read from sahel-v2.pdf (PDF): paragraphs numbered §1 to §3.", revised.PlainText, StringComparison.Ordinal);
        var second = await FileInChat(bot, FraGroup, "sahel-v2.pdf");
        Assert.Equal(pdf, second.DocumentContent);
        Assert.Contains("Original file of D1 v2", second.PlainText, StringComparison.Ordinal);
        await FileInChat(bot, ChnHead, "sahel-v2.pdf");
        await FileInChat(bot, EstGroup, "sahel-v2.pdf");
        var read = await bot.AskAsync(FraHead, "/draft D1", FraGroup);
        Assert.Contains("§2 Recalling its previous resolutions on the Sahel,", read.PlainText, StringComparison.Ordinal);

        // Nothing for a delegation that may not read the draft.
        Assert.Contains("I know no draft D1", (await bot.AskAsync(UsaHead, "/draft D1")).PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Emulator.MessagesIn(UsaHead), m => m.DocumentName is not null);

        // The originals went through the outbox like every message (sent by file id, no bytes kept), and stay with their versions.
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        var versions = await db.DraftVersions.OrderBy(v => v.Number).Select(v => v.OriginalFileName).ToListAsync();
        Assert.Equal(["sahel.docx", "sahel-v2.pdf"], versions);
        var files = await db.OutboxMessages.Where(m => m.DocumentFileId != null).ToListAsync();
        // Circulation: France and China; the revision: every reader, the penholder's group included.
        Assert.Equal(5, files.Count);
        Assert.All(files, f => Assert.True(f.Kind == OutboxKind.Document && f.DocumentContent is null));
        Assert.Contains(await db.AuditEntries.Select(a => a.Details).ToListAsync(), d => d.Contains("read from Pdf file \"sahel-v2.pdf\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_is_answered_with_its_reason_and_nothing_is_created()
    {
        await using var bot = await CouncilAsync();

        // Each answer is the next message in the chat, so a reworded refusal shows as a difference here.
        var broken = await bot.AskWithDocumentAsync(EstHead, "broken.docx", "PK not really a zip"u8.ToArray(), "/draft_new Broken");
        Assert.Contains("\"broken.docx\" is not a Word document I can read (.docx)", broken.PlainText, StringComparison.Ordinal);

        var scanned = await bot.AskWithDocumentAsync(EstHead, "scan.pdf", EmptyPdf(1), "/draft_new Scanned");
        Assert.Contains("I found no text in \"scan.pdf\": a scanned page is a picture", scanned.PlainText, StringComparison.Ordinal);

        var old = await bot.AskWithDocumentAsync(EstHead, "minutes.doc", "old"u8.ToArray(), "/draft_new Old Word");
        Assert.Contains("I read drafts from .docx (Word), .pdf, .txt and .md files; \"minutes.doc\" is none of them.", old.PlainText, StringComparison.Ordinal);

        var bomb = await bot.AskWithDocumentAsync(EstHead, "bomb.docx", ZipBomb(80), "/draft_new Bomb");
        Assert.Contains("\"bomb.docx\" unpacks to far more than a draft can hold (over 64 MB)", bomb.PlainText, StringComparison.Ordinal);

        await bot.AskAsync(FraHead, "/language fr");
        var inFrench = await bot.AskWithDocumentAsync(FraHead, "projet.pdf", "%PDF-1.7 rien"u8.ToArray(), "/draft_new Projet");
        Assert.Contains("« projet.pdf » n'est pas un PDF que je sais lire", inFrench.PlainText, StringComparison.Ordinal);

        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        Assert.Equal(0, await db.Drafts.CountAsync());
    }
}
