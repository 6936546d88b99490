using CoordBot.BotApi;
using CoordBot.Localization;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoordBot.Tests.Sessions.SessionsTestKit;

namespace CoordBot.Tests.Interaction;

/// <summary>Item 7 of issue 14, end to end through the emulator: a group upgraded, the bot removed, the bot blocked.</summary>
public sealed class GroupLifecycleTests
{
    private const long Supergroup = -1_002_000_001;

    [Fact]
    public async Task Messages_to_a_group_that_became_a_supergroup_follow_it_and_arrive_there_exactly_once()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        // The bot has not read the service message: it learns of the upgrade from Telegram's refusal (migrate_to_chat_id).
        bot.Emulator.MigrateGroup(EstGroup, Supergroup, EstHead, serviceMessages: false);

        Assert.Contains("Scheduled S1", (await bot.AskWithCatalogueAsync(Chair, "/schedule 2026-11-30 10:00 UTC closed Situation in Libya", "Sessions.Scheduled")).PlainText, StringComparison.Ordinal);
        Assert.Contains("Scheduled S2", (await bot.AskWithCatalogueAsync(Chair, "/schedule 2026-12-01 10:00 UTC open Situation in Yemen", "Sessions.Scheduled")).PlainText, StringComparison.Ordinal);

        await bot.ReplyAsync(Supergroup, m => IsAnnouncementOf(m, "Situation in Yemen"));
        await bot.ReplyAsync(Supergroup, m => IsAnnouncementOf(m, "Situation in Libya"));
        Assert.Single(Containing(bot, Supergroup, "Situation in Libya"));
        Assert.Single(Containing(bot, Supergroup, "Situation in Yemen"));
        Assert.Empty(bot.Emulator.MessagesIn(EstGroup));
        Assert.Equal(Supergroup, await ReadAsync(bot, db => db.DelegationGroups.Where(g => g.DelegationCode == "EST").Select(g => g.ChatId).SingleAsync()));
        Assert.Equal(0, await ReadAsync(bot, db => db.OutboxMessages.CountAsync(m => m.ChatId == EstGroup)));
    }

    [Fact]
    public async Task The_migrate_service_message_moves_the_link_before_anything_is_sent()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;

        bot.Emulator.MigrateGroup(EstGroup, Supergroup, EstHead);
        // Updates are handled in order: once this is answered, the service messages were read.
        await bot.AskAsync(EstHead, "/me");

        Assert.Equal(Supergroup, await ReadAsync(bot, db => db.DelegationGroups.Where(g => g.DelegationCode == "EST").Select(g => g.ChatId).SingleAsync()));
        Assert.Contains("Scheduled S1", (await bot.AskWithCatalogueAsync(Chair, "/schedule 2026-11-30 10:00 UTC closed Situation in Libya", "Sessions.Scheduled")).PlainText, StringComparison.Ordinal);
        await bot.ReplyAsync(Supergroup, m => IsAnnouncementOf(m, "Situation in Libya"));
        Assert.Empty(bot.Emulator.MessagesIn(EstGroup));
    }

    [Fact]
    public async Task A_group_that_removed_the_bot_is_unlinked_the_head_is_told_and_members_are_reached_privately()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;

        bot.Emulator.RemoveBot(EstGroup, EstAdviser);

        var told = await bot.MessageStartingWithCatalogueAsync(EstHead, "Lifecycle.GroupRemoved");
        Assert.Contains("removed from", told.PlainText, StringComparison.Ordinal);
        Assert.Contains("EST delegation", told.PlainText, StringComparison.Ordinal);
        Assert.Contains("unlinked it", told.PlainText, StringComparison.Ordinal);
        Assert.Contains("/linkgroup", told.PlainText, StringComparison.Ordinal);
        Assert.Equal(0, await ReadAsync(bot, db => db.DelegationGroups.CountAsync(g => g.DelegationCode == "EST")));

        Assert.Contains("Scheduled S1", (await bot.AskWithCatalogueAsync(Chair, "/schedule 2026-11-30 10:00 UTC closed Situation in Libya", "Sessions.Scheduled")).PlainText, StringComparison.Ordinal);
        Assert.Contains("New session", (await bot.MessageWithCatalogueAsync(EstAdviser, "Sessions.Announce.Scheduled")).PlainText, StringComparison.Ordinal);
        Assert.Empty(bot.Emulator.MessagesIn(EstGroup));
    }

    [Fact]
    public async Task A_person_who_blocks_the_bot_is_marked_and_the_head_told_and_unblocking_clears_it()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;

        bot.Emulator.BlockBot(EstAdviser);
        var blocked = await bot.MessageFromCatalogueAsync(EstHead, "Lifecycle.Blocked");
        Assert.Contains("has blocked the bot", blocked.PlainText, StringComparison.Ordinal);
        Assert.Contains("Kadri", blocked.PlainText, StringComparison.Ordinal);
        Assert.Contains("no longer reach", blocked.PlainText, StringComparison.Ordinal);
        Assert.NotNull(await BlockedAtAsync(bot, EstAdviser));

        bot.Emulator.UnblockBot(EstAdviser);
        Assert.Contains("has unblocked the bot", (await bot.MessageFromCatalogueAsync(EstHead, "Lifecycle.Unblocked")).PlainText, StringComparison.Ordinal);
        Assert.Null(await BlockedAtAsync(bot, EstAdviser));
        Assert.Single(Containing(bot, EstHead, "has blocked the bot"));
    }

    [Fact]
    public async Task A_send_refused_because_the_person_blocked_the_bot_marks_them_and_tells_their_head_once()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        // France has no group: its members are told privately, and Anne's client refuses (403).
        bot.Emulator.InjectFault(new EmulatorFault("sendMessage", 2, FaultKind.Forbidden, ChatId: FraAdviser));

        Assert.Contains("Scheduled S1", (await bot.AskWithCatalogueAsync(Chair, "/schedule 2026-11-30 10:00 UTC closed Situation in Libya", "Sessions.Scheduled")).PlainText, StringComparison.Ordinal);
        Assert.Contains("Scheduled S2", (await bot.AskWithCatalogueAsync(Chair, "/schedule 2026-12-01 10:00 UTC closed Situation in Yemen", "Sessions.Scheduled")).PlainText, StringComparison.Ordinal);

        var told = await bot.MessageFromCatalogueAsync(FraHead, "Lifecycle.Blocked");
        Assert.Contains("has blocked the bot", told.PlainText, StringComparison.Ordinal);
        Assert.Contains("Anne", told.PlainText, StringComparison.Ordinal);
        await bot.ReplyAsync(FraHead, m => IsAnnouncementOf(m, "Situation in Yemen"));
        Assert.NotNull(await BlockedAtAsync(bot, FraAdviser));
        Assert.Single(Containing(bot, FraHead, "has blocked the bot"));
    }

    /// <summary>The announcement of the session titled <paramref name="title"/> (the title is the chair's words; the rest the catalogue's).</summary>
    private static bool IsAnnouncementOf(SentMessage message, string title) =>
        CatalogueText.Contains(Languages.English, "Sessions.Announce.Scheduled", message.Text) && message.PlainText!.Contains(title, StringComparison.Ordinal);

    private static Task<DateTime?> BlockedAtAsync(Tests.Support.BotHarness bot, long userId) =>
        ReadAsync(bot, db => db.People.Where(p => p.UserId == userId).Select(p => p.BlockedAt).SingleAsync());
}
