using System.Text;
using CoordBot.BotApi;
using CoordBot.Domain.Membership;
using CoordBot.Features.Drafts;
using CoordBot.Localization;
using CoordBot.Persistence;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoordBot.Tests.Drafts;

public sealed class DraftsEndToEndTests
{
    private const long EstHead = 101;
    private const long FraHead = 201;
    private const long FraAdviser = 202;
    private const long UsaHead = 301;
    private const long ChnHead = 401;
    private const long EstGroup = -100101;
    private const long FraGroup = -100201;

    private static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static async Task<BotHarness> CouncilAsync(FakeTimeProvider? clock = null)
    {
        // Telegram's per-chat limits (tested with delivery) would make these tests wait minutes for their group messages.
        var fast = new Dictionary<string, string?> { ["Delivery:GroupPerMinute"] = "600", ["Delivery:PrivatePerSecond"] = "20" };
        var emulator = new BotApiEmulatorOptions { GroupPerMinute = 600, PrivatePerSecond = 20, PrivateBurst = 20 };
        var bot = clock is null
            ? await BotHarness.StartAsync(fast, emulator)
            : await BotHarness.StartAsync(fast, emulator, configure: s => s.AddSingleton<TimeProvider>(clock));
        await bot.SeedMemberAsync(EstHead, "EST", DelegationRole.Head, "Sven", "Europe/Tallinn");
        await bot.SeedMemberAsync(FraHead, "FRA", DelegationRole.Head, "Nicolas", "Europe/Paris");
        await bot.SeedMemberAsync(FraAdviser, "FRA", DelegationRole.Adviser, "Claire");
        await bot.SeedMemberAsync(UsaHead, "USA", DelegationRole.Head, "Kelly", "America/New_York");
        await bot.SeedMemberAsync(ChnHead, "CHN", DelegationRole.Head, "Jun", "Asia/Shanghai");
        await bot.LinkGroupAsync("EST", EstGroup);
        await bot.LinkGroupAsync("FRA", FraGroup);
        return bot;
    }

    /// <summary>The first message in <paramref name="chat"/> after <paramref name="after"/> that begins with the catalogue entry <paramref name="key"/>: the wait is keyed on what the bot did, and the test then checks its words.</summary>
    private static Task<SentMessage> Notice(BotHarness bot, long chat, string key, long after = 0) =>
        bot.MessageStartingWithCatalogueAsync(chat, key, afterMessageId: after);

    [Fact]
    public async Task A_draft_is_commented_amended_revised_circulated_and_its_silence_broken()
    {
        await using var bot = await CouncilAsync();

        await bot.AskAsync(BotHarness.OperatorId, "/schedule 2030-01-10 10:00 UTC consultations Peace and security in Africa");
        await bot.AskAsync(BotHarness.OperatorId, "/agenda_add S1 Adoption of the agenda");
        await bot.AskAsync(BotHarness.OperatorId, "/agenda_add S1 The situation in the Sahel");
        var unknownItem = await bot.AskAsync(EstHead, "/draft_new A9 Press statement\nText.");
        Assert.Contains("There is no agenda item A9", unknownItem.PlainText, StringComparison.Ordinal);

        var created = await bot.AskAsync(EstHead, "/draft_new A2 Press statement on the Sahel\nThe Council welcomes the agreement.\n\nThe Council calls for calm.");
        Assert.Contains("Created D1", created.PlainText, StringComparison.Ordinal);
        var agenda = await bot.AskAsync(EstHead, "/agenda S1");
        Assert.Contains("D1 (", agenda.PlainText, StringComparison.Ordinal);

        var circulated = await bot.AskAsync(EstHead, "/circulate D1 FRA");
        Assert.Contains("circulated to 1 delegation", circulated.PlainText, StringComparison.Ordinal);
        var inFrance = await Notice(bot, FraGroup, "Drafts.Circulated");
        Assert.StartsWith("Circulated by Estonia (EST), penholder:", inFrance.PlainText, StringComparison.Ordinal);
        Assert.Contains("The Council calls for calm.", inFrance.PlainText, StringComparison.Ordinal);
        Assert.Contains("D1 v1", inFrance.PlainText, StringComparison.Ordinal);
        Assert.Contains("Content hash:", inFrance.PlainText, StringComparison.Ordinal);

        // Not circulated: the United States cannot read, comment or even learn that D1 exists.
        var refused = await bot.AskAsync(UsaHead, "/draft D1");
        Assert.Contains("I know no draft D1", refused.PlainText, StringComparison.Ordinal);
        Assert.Contains("I know no draft D1", (await bot.AskAsync(UsaHead, "/comment D1 Fine")).PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Sahel", (await bot.AskAsync(UsaHead, "/drafts")).PlainText, StringComparison.Ordinal);

        var comment = await bot.AskAsync(FraHead, "/comment D1 §2 Too weak.", FraGroup);
        Assert.Contains("D1 v1 §2 is recorded", comment.PlainText, StringComparison.Ordinal);
        Assert.EndsWith("Too weak.", (await Notice(bot, EstGroup, "Drafts.Comment.Notice")).PlainText, StringComparison.Ordinal);
        var amendment = await bot.AskAsync(FraHead, "/amend D1 §2 The Council calls for calm and restraint.");
        Assert.Contains("Amendment M1", amendment.PlainText, StringComparison.Ordinal);
        Assert.Contains("/accept M1", (await bot.MessageWithCatalogueAsync(EstGroup, "Drafts.Amend.Notice")).PlainText, StringComparison.Ordinal);

        Assert.Contains("Only the penholder", (await bot.AskAsync(FraHead, "/accept M1")).PlainText, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("M1 is accepted", (await bot.AskAsync(EstHead, "/accept M1")).PlainText, StringComparison.Ordinal);
        // The offer to apply it (DraftingEndToEndTests); here the penholder retypes.
        Assert.StartsWith("The next version, D1 v2", (await Notice(bot, EstHead, "Drafting.Apply.Offer")).PlainText, StringComparison.Ordinal);
        Assert.Contains("accepted amendment M1", (await bot.MessageWithCatalogueAsync(FraGroup, "Drafts.Decide.AcceptedNotice")).PlainText, StringComparison.Ordinal);

        var revised = await bot.AskAsync(EstHead, "/revise D1\nThe Council welcomes the agreement.\n\nThe Council calls for calm and restraint.");
        Assert.Contains("version 2", revised.PlainText, StringComparison.Ordinal);
        Assert.Contains("/diff D1 v1 v2", (await Notice(bot, FraGroup, "Drafts.Revise.Notice")).PlainText, StringComparison.Ordinal);

        var diff = await bot.AskAsync(FraHead, "/diff D1 v1 v2", FraGroup);
        Assert.Contains("and restraint</u>", diff.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<s>", diff.Text!.Split("\n\n", 2)[1], StringComparison.Ordinal);

        var recirculated = await bot.AskAsync(EstHead, "/circulate D1 FRA,CHN");
        Assert.Contains("2 delegation(s)", recirculated.PlainText, StringComparison.Ordinal);
        Assert.Contains("calm and restraint", (await Notice(bot, ChnHead, "Drafts.Circulated")).PlainText, StringComparison.Ordinal); // no CHN group: its members privately

        var silence = await bot.AskAsync(EstHead, "/silence D1 24");
        Assert.Contains("under silence until", silence.PlainText, StringComparison.Ordinal);
        Assert.StartsWith("Silence procedure", (await Notice(bot, FraGroup, "Drafts.Silence.Notice")).PlainText, StringComparison.Ordinal);
        Assert.Contains("under silence", (await bot.AskAsync(EstHead, "/revise D1\nAnother text.")).PlainText, StringComparison.Ordinal);
        Assert.Contains("head of delegation or the deputy", (await bot.AskAsync(FraAdviser, "/breaksilence D1 no")).PlainText, StringComparison.Ordinal);

        var broken = await bot.AskAsync(FraHead, "/breaksilence D1 Paris needs the word \"ceasefire\".");
        Assert.Contains("You broke silence", broken.PlainText, StringComparison.Ordinal);
        var told = await Notice(bot, EstGroup, "Drafts.BreakSilence.Notice");
        Assert.StartsWith("Silence broken on D1", told.PlainText, StringComparison.Ordinal);
        Assert.Contains("France (FRA)", told.PlainText, StringComparison.Ordinal);
        Assert.Contains("Paris needs the word \"ceasefire\".", told.PlainText, StringComparison.Ordinal);
        Assert.StartsWith("Silence broken on D1", (await Notice(bot, ChnHead, "Drafts.BreakSilence.Notice")).PlainText, StringComparison.Ordinal);

        var read = await bot.AskAsync(FraHead, "/draft D1");
        Assert.Contains("Status: under negotiation", read.PlainText, StringComparison.Ordinal);
        Assert.Contains("Europe/Paris", read.PlainText, StringComparison.Ordinal);

        // A removed member loses access at once.
        Assert.Contains("D1 v2", (await bot.AskAsync(FraAdviser, "/draft D1")).PlainText, StringComparison.Ordinal);
        await bot.AskAsync(BotHarness.OperatorId, $"/remove FRA {FraAdviser}");
        Assert.StartsWith("Your membership of the delegation of France has ended", (await Notice(bot, FraAdviser, "Remove.Notice")).PlainText, StringComparison.Ordinal);
        Assert.Contains("for members of the council", (await bot.AskAsync(FraAdviser, "/draft D1")).PlainText, StringComparison.Ordinal);

        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        var draft = await db.Drafts.SingleAsync();
        Assert.Equal(2L, draft.AgendaItemId);
        Assert.Equal(2, draft.CurrentVersion);
        Assert.Contains(await db.AuditEntries.Select(a => a.Action).ToListAsync(), a => a == "draft.silence.broken");
    }

    [Fact]
    public async Task Silence_that_nobody_breaks_ends_in_agreement_told_once_also_when_the_bot_was_down_at_the_deadline()
    {
        var clock = new FakeTimeProvider(Start);
        await using var bot = await CouncilAsync(clock);

        // D1 from a .txt document: the caption is the command.
        var fromFile = await bot.AskWithDocumentAsync(EstHead, "letter.txt", Encoding.UTF8.GetBytes("Letter to the Secretary-General.\n\nWe agree."), "/draft_new Letter to the Secretary-General");
        Assert.StartsWith("Created D1", fromFile.PlainText, StringComparison.Ordinal);
        await bot.AskAsync(EstHead, "/draft_new Second statement\nThe Council stands united.");
        await bot.AskAsync(EstHead, "/circulate D1 FRA");
        await bot.AskAsync(EstHead, "/circulate D2 FRA");

        // The chair (an operator here) need not be able to read the text to run the procedure.
        Assert.Contains("under silence until", (await bot.AskAsync(BotHarness.OperatorId, "/silence D1 2")).PlainText, StringComparison.Ordinal);
        Assert.Contains("now ends", (await bot.AskAsync(BotHarness.OperatorId, "/extend D1 1")).PlainText, StringComparison.Ordinal);
        await bot.AskAsync(EstHead, "/silence D2 5");

        // D1's deadline (3 h) passes while the bot runs.
        clock.Advance(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(1));
        var agreed = await Notice(bot, FraGroup, "Drafts.Silence.Agreed");
        Assert.StartsWith("D1 v1 · Letter to the Secretary-General is agreed under silence", agreed.PlainText, StringComparison.Ordinal);
        Assert.Contains("content hash", agreed.PlainText, StringComparison.Ordinal);

        // D2's deadline (5 h) passes while the bot is down; it is told at the restart.
        await SettleAsync(bot);
        var (inFrance, inEstonia) = (bot.LastMessageId(FraGroup), bot.LastMessageId(EstGroup));
        await bot.StopHostAsync();
        clock.Advance(TimeSpan.FromHours(3));
        await bot.StartHostAsync();
        Assert.StartsWith("D2 v1 · Second statement is agreed under silence", (await Notice(bot, FraGroup, "Drafts.Silence.Agreed", inFrance)).PlainText, StringComparison.Ordinal);
        Assert.StartsWith("D2 v1 · Second statement is agreed under silence", (await Notice(bot, EstGroup, "Drafts.Silence.Agreed", inEstonia)).PlainText, StringComparison.Ordinal);

        // Once only, even after another restart (the reconciler finds nothing to do).
        await SettleAsync(bot);
        await bot.RestartHostAsync();
        Assert.Contains("agreed under silence", (await bot.AskAsync(FraHead, "/draft D2")).PlainText, StringComparison.Ordinal);
        // Told once: one message per delegation chat, queued by one conclusion.
        Assert.Equal(1, AgreedIn(bot, FraGroup, "D1 v1"));
        Assert.Equal(1, AgreedIn(bot, FraGroup, "D2 v1"));
        await using (var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None))
        {
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "draft.silence.agreed"));
            var queued = await db.OutboxMessages.Where(m => m.Text!.Contains("Second statement is <b>agreed")).Select(m => m.ChatId).ToListAsync();
            // The delegations' groups, and the private chat where Estonia's head started the silence (issue 23 item 8).
            Assert.Equal(new[] { FraGroup, EstGroup, EstHead }, queued.Order().ToArray());
        }

        Assert.Contains("agreed under silence", (await bot.AskAsync(EstHead, "/revise D2\nChanged.")).PlainText, StringComparison.Ordinal);
        Assert.Contains("is in blue", (await bot.AskAsync(EstHead, "/blue D2")).PlainText, StringComparison.Ordinal);
        Assert.Contains("in blue", (await bot.AskAsync(EstHead, "/withdraw D1")).PlainText + (await bot.AskAsync(EstHead, "/drafts")).PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Texts_over_50000_characters_and_other_file_types_are_refused_and_nothing_is_created()
    {
        await using var bot = await CouncilAsync();

        // Each refusal is the next message in the chat, so a reworded one shows as a difference here.
        var tooLong = await bot.AskWithDocumentAsync(EstHead, "long.txt", Encoding.UTF8.GetBytes(new string('a', 60_000)), "/draft_new Too long");
        Assert.Contains("60,000 characters", tooLong.PlainText, StringComparison.Ordinal);
        Assert.Contains("at most 50,000", tooLong.PlainText, StringComparison.Ordinal);

        var scan = await bot.AskWithDocumentAsync(EstHead, "scan.pdf", [0x25, 0x50, 0x44, 0x46], "/draft_new A scan");
        Assert.Contains("\"scan.pdf\" is not a PDF I can read", scan.PlainText, StringComparison.Ordinal);

        var huge = await bot.AskWithDocumentAsync(EstHead, "huge.md", new byte[300_000], "/draft_new Huge");
        Assert.Contains("300,000 bytes", huge.PlainText, StringComparison.Ordinal);

        var inline = await bot.AskAsync(EstHead, "/draft_new Inline too long\n" + new string('b', 50_001));
        Assert.Contains("50,001 characters", inline.PlainText, StringComparison.Ordinal);

        Assert.Contains("needs a title", (await bot.AskAsync(EstHead, "/draft_new\nText")).PlainText, StringComparison.Ordinal);
        Assert.Contains("text is missing", (await bot.AskAsync(EstHead, "/draft_new Title only")).PlainText, StringComparison.Ordinal);

        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        Assert.Equal(0, await db.Drafts.CountAsync());
    }

    [Fact]
    public async Task A_long_draft_is_read_in_several_messages_and_a_markdown_document_revises_it()
    {
        await using var bot = await CouncilAsync();
        var paragraphs = Enumerable.Range(1, 40).Select(i => $"Paragraph {i}: " + string.Join(' ', Enumerable.Repeat("operative <text> & more", 20)));
        var text = string.Join("\n\n", paragraphs);
        await bot.AskAsync(EstHead, "/draft_new Long resolution\n" + text);

        var before = bot.Emulator.MessagesIn(EstHead).Count;
        Send(bot, EstHead, "/draft D1");
        // The last part is the one that holds the test's own last paragraph (its text, not the bot's words).
        var last = await bot.ReplyAsync(EstHead, m => (m.PlainText ?? string.Empty).Contains("Paragraph 40:", StringComparison.Ordinal));
        var parts = bot.Emulator.MessagesIn(EstHead).Skip(before).ToList();
        Assert.True(parts.Count > 1);
        Assert.StartsWith("D1 v1", parts[0].PlainText, StringComparison.Ordinal);
        Assert.Equal(string.Join("\n\n", paragraphs.Select((p, i) => $"§{i + 1} {p}")), string.Join("\n\n", parts.Select(p => p.PlainText)).Split("\n\n", 2)[1]);
        Assert.Contains("operative <text> & more", last.PlainText, StringComparison.Ordinal);

        var revised = await bot.AskWithDocumentAsync(EstHead, "v2.md", Encoding.UTF8.GetBytes("Short now."), "/revise D1");
        Assert.StartsWith("D1 is now at version 2", revised.PlainText, StringComparison.Ordinal);
    }

    /// <summary>
    /// Waits until what was sent to the two groups is also marked sent, before a restart: the delivery service sends a
    /// chat's messages in order and marks each before the next, so a later reply in each group proves it. (Stopping the
    /// host between a send and its mark would send that message again at the next start: at-least-once delivery.)
    /// </summary>
    private static async Task SettleAsync(BotHarness bot)
    {
        await bot.AskAsync(FraHead, "/drafts", FraGroup);
        await bot.AskAsync(EstHead, "/drafts", EstGroup);
    }

    /// <summary>How many notices of agreement under silence on <paramref name="label"/> ("D1 v1") reached <paramref name="chat"/>.</summary>
    private static int AgreedIn(BotHarness bot, long chat, string label) =>
        bot.Emulator.MessagesIn(chat).Count(m => CatalogueText.StartsWith(Languages.English, "Drafts.Silence.Agreed", m.Text) && m.PlainText!.StartsWith(label + " ·", StringComparison.Ordinal));

    private static void Send(BotHarness bot, long user, string text) => bot.Send(user, text);

    [Fact]
    public async Task Drafts_lists_no_titles_to_observers_and_in_a_group_only_what_that_delegation_may_read()
    {
        await using var bot = await CouncilAsync();
        const long UsaObserver = 305;
        await bot.SeedMemberAsync(UsaObserver, "USA", DelegationRole.Observer, "Olivia");
        await bot.AskAsync(EstHead, "/draft_new Private note of Estonia\nOnly for Tallinn.");
        await bot.AskAsync(EstHead, "/draft_new Shared statement\nThe Council is united.");
        await bot.AskAsync(EstHead, "/circulate D2 FRA,USA");

        var observer = await bot.AskAsync(UsaObserver, "/drafts");
        Assert.DoesNotContain("Shared statement", observer.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Private note", observer.PlainText, StringComparison.Ordinal);

        // The operator (chair business) in France's group: only what France may read is shown there.
        var inFrance = await bot.AskAsync(BotHarness.OperatorId, "/drafts", FraGroup);
        Assert.Contains("Shared statement", inFrance.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Private note", inFrance.PlainText, StringComparison.Ordinal);

        // In a private chat the operator still has the overview of every draft's status.
        var overview = await bot.AskAsync(BotHarness.OperatorId, "/drafts");
        Assert.Contains("Private note", overview.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_voting_delegation_not_on_the_circulation_list_reads_the_text_in_blue_once_the_vote_is_open()
    {
        await using var bot = await CouncilAsync();
        await bot.AskAsync(EstHead, "/draft_new Press statement on cyber security\nThe Council condemns malicious cyber activities.");
        await bot.AskAsync(EstHead, "/circulate D1 FRA");
        Assert.Contains("in blue", (await bot.AskAsync(EstHead, "/blue D1")).PlainText, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("I know no draft D1", (await bot.AskAsync(UsaHead, "/draft D1 v1")).PlainText, StringComparison.Ordinal);

        var opened = await bot.AskAsync(BotHarness.OperatorId, "/vote_open D1 substantive 24h");
        Assert.Contains("Voting opened on D1 v1", opened.PlainText, StringComparison.Ordinal);

        // The ballot reaches the same chat meanwhile: the text is the message with the content hash line.
        var mark = bot.LastMessageId(UsaHead);
        bot.Send(UsaHead, "/draft D1 v1");
        var asked = await bot.MessageWithCatalogueAsync(UsaHead, "Drafts.Header.Hash", afterMessageId: mark);
        Assert.Contains("Content hash:", asked.PlainText, StringComparison.Ordinal);
        Assert.Contains("The Council condemns malicious cyber activities.", asked.PlainText, StringComparison.Ordinal);
    }
}
