using CoordBot.BotApi;
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

        await AskForAsync(bot, Chair, "/schedule 2026-11-30 10:00 UTC closed Situation in Libya", "Scheduled S1");
        await AskForAsync(bot, Chair, "/schedule 2026-12-01 10:00 UTC open Situation in Yemen", "Scheduled S2");

        await bot.ReplyAsync(Supergroup, m => m.PlainText!.Contains("Situation in Yemen", StringComparison.Ordinal));
        await bot.ReplyAsync(Supergroup, m => m.PlainText!.Contains("Situation in Libya", StringComparison.Ordinal));
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
        await AskForAsync(bot, Chair, "/schedule 2026-11-30 10:00 UTC closed Situation in Libya", "Scheduled S1");
        await bot.ReplyAsync(Supergroup, m => m.PlainText!.Contains("Situation in Libya", StringComparison.Ordinal));
        Assert.Empty(bot.Emulator.MessagesIn(EstGroup));
    }

    [Fact]
    public async Task A_group_that_removed_the_bot_is_unlinked_the_head_is_told_and_members_are_reached_privately()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;

        bot.Emulator.RemoveBot(EstGroup, EstAdviser);

        var told = await bot.ReplyAsync(EstHead, m => m.PlainText!.Contains("removed from", StringComparison.Ordinal));
        Assert.Contains("EST delegation", told.PlainText, StringComparison.Ordinal);
        Assert.Contains("unlinked it", told.PlainText, StringComparison.Ordinal);
        Assert.Contains("/linkgroup", told.PlainText, StringComparison.Ordinal);
        Assert.Equal(0, await ReadAsync(bot, db => db.DelegationGroups.CountAsync(g => g.DelegationCode == "EST")));

        await AskForAsync(bot, Chair, "/schedule 2026-11-30 10:00 UTC closed Situation in Libya", "Scheduled S1");
        await bot.ReplyAsync(EstAdviser, m => m.PlainText!.Contains("New session", StringComparison.Ordinal));
        Assert.Empty(bot.Emulator.MessagesIn(EstGroup));
    }

    [Fact]
    public async Task A_person_who_blocks_the_bot_is_marked_and_the_head_told_and_unblocking_clears_it()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;

        bot.Emulator.BlockBot(EstAdviser);
        var blocked = await bot.ReplyAsync(EstHead, m => m.PlainText!.Contains("has blocked the bot", StringComparison.Ordinal));
        Assert.Contains("Kadri", blocked.PlainText, StringComparison.Ordinal);
        Assert.Contains("no longer reach", blocked.PlainText, StringComparison.Ordinal);
        Assert.NotNull(await BlockedAtAsync(bot, EstAdviser));

        bot.Emulator.UnblockBot(EstAdviser);
        await bot.ReplyAsync(EstHead, m => m.PlainText!.Contains("has unblocked the bot", StringComparison.Ordinal));
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

        await AskForAsync(bot, Chair, "/schedule 2026-11-30 10:00 UTC closed Situation in Libya", "Scheduled S1");
        await AskForAsync(bot, Chair, "/schedule 2026-12-01 10:00 UTC closed Situation in Yemen", "Scheduled S2");

        var told = await bot.ReplyAsync(FraHead, m => m.PlainText!.Contains("has blocked the bot", StringComparison.Ordinal));
        Assert.Contains("Anne", told.PlainText, StringComparison.Ordinal);
        await bot.ReplyAsync(FraHead, m => m.PlainText!.Contains("Situation in Yemen", StringComparison.Ordinal));
        Assert.NotNull(await BlockedAtAsync(bot, FraAdviser));
        Assert.Single(Containing(bot, FraHead, "has blocked the bot"));
    }

    private static Task<DateTime?> BlockedAtAsync(Tests.Support.BotHarness bot, long userId) =>
        ReadAsync(bot, db => db.People.Where(p => p.UserId == userId).Select(p => p.BlockedAt).SingleAsync());
}
