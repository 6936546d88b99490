using System.Text;
using CoordBot.BotApi;
using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Features.Drafts;
using CoordBot.Persistence;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoordBot.Tests.Hardening;

/// <summary>Texts that broke messages on their way out (issue 12, items 7 to 10), through the real host and the emulator.</summary>
public sealed class HostileTextEndToEndTests
{
    private const long EstHead = 101;

    private static async Task<BotHarness> CouncilAsync()
    {
        var fast = new Dictionary<string, string?> { ["Delivery:PrivatePerSecond"] = "50", ["Delivery:PrivateBurst"] = "50" };
        var bot = await BotHarness.StartAsync(fast, new BotApiEmulatorOptions { PrivatePerSecond = 50, PrivateBurst = 50 });
        await bot.SeedMemberAsync(EstHead, "EST", DelegationRole.Head, "Sven");
        return bot;
    }

    private static long LastMessageId(BotHarness bot, long chat) => bot.Emulator.MessagesIn(chat).Select(m => m.MessageId).DefaultIfEmpty(0).Max();

    /// <summary>The bot's messages in the chat after <paramref name="after"/>, once one of them says <paramref name="last"/>.</summary>
    private static async Task<List<SentMessage>> MessagesUntilAsync(BotHarness bot, long chat, long after, string last)
    {
        await bot.ReplyAsync(chat, m => m.MessageId > after && m.PlainText!.Contains(last, StringComparison.Ordinal));
        return bot.Emulator.MessagesIn(chat).Where(m => m.MessageId > after).ToList();
    }

    private static async Task AssertTelegramRefusedNothingAsync(BotHarness bot)
    {
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        var refused = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Failed).Select(m => m.LastError).ToListAsync();
        Assert.Empty(refused);
    }

    private static void SendDraft(BotHarness bot, string caption, string text) =>
        bot.Emulator.SendDocument(EstHead, EstHead, "draft.txt", Encoding.UTF8.GetBytes(text), caption);

    [Fact]
    public async Task A_diff_of_texts_with_long_runs_of_ampersands_arrives_whole_in_valid_messages()
    {
        await using var bot = await CouncilAsync();
        var older = "Preamble.\n\n" + new string('&', 4_000) + " one.";
        var newer = "Preamble, changed.\n\n" + new string('&', 2_000) + " two " + new string('&', 4_000) + " three.";
        SendDraft(bot, "/draft_new Ampersands", older);
        Assert.Contains("Created D1", (await bot.MessageWithCatalogueAsync(EstHead, "Drafts.New.Created")).PlainText, StringComparison.Ordinal);
        SendDraft(bot, "/revise D1", newer);
        Assert.Contains("version 2", (await bot.MessageWithCatalogueAsync(EstHead, "Drafts.Revise.Done")).PlainText, StringComparison.Ordinal);
        var before = LastMessageId(bot, EstHead);

        bot.Send(EstHead, "/diff D1 v1 v2");

        var parts = await MessagesUntilAsync(bot, EstHead, before, "three.");
        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(p.Text!.Length <= 4096));
        var shown = string.Concat(parts.Select(p => p.PlainText));
        var runs = WordDiff.Compare(older, newer);
        Assert.Equal(string.Concat(runs.Select(r => r.Text)).Count(c => c == '&'), shown.Count(c => c == '&'));
        await AssertTelegramRefusedNothingAsync(bot);
    }

    [Fact]
    public async Task A_draft_of_thousands_of_emoji_arrives_without_a_broken_character()
    {
        await using var bot = await CouncilAsync();
        var text = "x" + string.Concat(Enumerable.Repeat("😀", 6_000)) + " end";
        SendDraft(bot, "/draft_new Emoji", text);
        Assert.Contains("Created D1", (await bot.MessageWithCatalogueAsync(EstHead, "Drafts.New.Created")).PlainText, StringComparison.Ordinal);
        var before = LastMessageId(bot, EstHead);

        bot.Send(EstHead, "/draft D1");

        var parts = await MessagesUntilAsync(bot, EstHead, before, " end");
        var shown = string.Concat(parts.Select(p => p.PlainText));
        Assert.DoesNotContain('\uFFFD', shown);
        Assert.Contains(text.Replace(" end", "", StringComparison.Ordinal), shown.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        await AssertTelegramRefusedNothingAsync(bot);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_NUL_in_a_draft_is_removed_before_it_is_stored_so_the_shown_hash_is_of_the_stored_text(bool asDocument)
    {
        await using var bot = await CouncilAsync();
        var text = new string('a', 700) + "\0 tail\u0001 words.";
        var expected = new string('a', 700) + " tail words.";
        if (asDocument)
        {
            SendDraft(bot, "/draft_new Nul", text);
        }
        else
        {
            bot.Send(EstHead, "/draft_new Nul\n" + text);
        }

        var created = await bot.MessageWithCatalogueAsync(EstHead, "Drafts.New.Created");
        Assert.Contains("Created D1", created.PlainText, StringComparison.Ordinal);
        var shown = await bot.AskAsync(EstHead, "/draft D1");

        Assert.Contains(ContentHash.ShortHash(expected), created.PlainText, StringComparison.Ordinal);
        Assert.Contains(ContentHash.ShortHash(expected), shown.PlainText, StringComparison.Ordinal);
        Assert.Contains(expected, shown.PlainText, StringComparison.Ordinal);
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        var stored = await db.DraftVersions.SingleAsync();
        Assert.Equal(expected, stored.Text);
        Assert.Equal(ContentHash.Of(stored.Text), stored.Hash);
    }

    [Fact]
    public async Task A_member_named_with_a_NUL_cuts_no_reply_that_names_them()
    {
        await using var bot = await CouncilAsync();
        bot.Emulator.RegisterUser(EstHead, "Sv\0en", lastName: "Sve\u0007nsson");
        var before = LastMessageId(bot, EstHead);
        bot.Emulator.SendText(EstHead, EstHead, "/me"); // the bot learns the new name
        await bot.ReplyAsync(EstHead, m => m.MessageId > before);
        before = LastMessageId(bot, EstHead);

        bot.Emulator.SendText(EstHead, EstHead, "/delegation EST");

        var reply = await bot.ReplyAsync(EstHead, m => m.MessageId > before);
        Assert.Contains("Sven Svensson, id 101", reply.PlainText, StringComparison.Ordinal);
        Assert.Contains("No group linked.", reply.PlainText, StringComparison.Ordinal);
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        Assert.Equal("Sven Svensson", (await db.People.SingleAsync(p => p.UserId == EstHead)).DisplayName);
    }

    [Theory]
    [InlineData("/schedule 9999-12-31 23:59 open Far away", "too far ahead")]
    [InlineData("/schedule 9999-12-31 23:59 America/New_York closed 90m Far away", "too far ahead")]
    [InlineData("/schedule 2100-01-01 00:00 UTC open Next century", "too far ahead")]
    [InlineData("/schedule 0001-01-01 00:00 Pacific/Kiritimati open Long ago", "long past")]
    public async Task A_session_beyond_the_calendar_is_refused_politely_and_nothing_is_created(string command, string why)
    {
        await using var bot = await CouncilAsync();

        var reply = await bot.AskAsync(BotHarness.OperatorId, command);

        Assert.Contains("I could not schedule that", reply.PlainText, StringComparison.Ordinal);
        Assert.Contains(why, reply.PlainText, StringComparison.Ordinal);
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        Assert.Equal(0, await db.Sessions.CountAsync());
        var inbox = await db.InboxUpdates.ToListAsync();
        Assert.NotEmpty(inbox);
        Assert.All(inbox, u => Assert.Null(u.Error));
    }

    [Fact]
    public async Task A_session_moved_beyond_the_calendar_is_refused_politely_and_stays_where_it_was()
    {
        await using var bot = await CouncilAsync();
        var scheduled = await bot.AskAsync(BotHarness.OperatorId, "/schedule 2090-06-01 10:00 UTC open Later");
        Assert.Contains("Scheduled S1", scheduled.PlainText, StringComparison.Ordinal);

        var reply = await bot.AskAsync(BotHarness.OperatorId, "/reschedule S1 9999-12-31 23:59 Asia/Tokyo");

        Assert.Contains("I could not move S1", reply.PlainText, StringComparison.Ordinal);
        Assert.Contains("too far ahead", reply.PlainText, StringComparison.Ordinal);
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        Assert.Equal(new DateTime(2090, 6, 1, 10, 0, 0, DateTimeKind.Utc), (await db.Sessions.SingleAsync()).StartUtc);
        var inbox = await db.InboxUpdates.ToListAsync();
        Assert.NotEmpty(inbox);
        Assert.All(inbox, u => Assert.Null(u.Error));
    }
}
