using CoordBot.BotApi;
using CoordBot.Domain.Membership;
using CoordBot.Features.Drafts;
using CoordBot.Features.Voting;
using CoordBot.Localization;
using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using CoordBot.Tests.Support;
using CoordBot.Tests.Voting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoordBot.Tests.Deadlines;

/// <summary>
/// Warnings before a silence ends and reminders before a vote closes (issue 24 item 2), under the real Quartz scheduler and
/// its persistent store on the fake clock: they fire at their offsets, survive a restart, and are not sent once overtaken.
/// </summary>
public sealed class DeadlineWarningsEndToEndTests
{
    private const long EstHead = 101;
    private const long FraHead = 201;
    private const long UsaHead = 301;
    private const long EstGroup = -100101;
    private const long FraGroup = -100201;
    private const string SilenceWarning = "Silence ends soon: ";
    private const string VoteReminder = "Voting closes soon: ";

    /// <summary>A reminder that voting closes soon, to a member or to a group, by its catalogue entry (its English words are asserted apart).</summary>
    private static bool IsVoteReminder(SentMessage m) =>
        CatalogueText.StartsWith(Languages.English, "Deadlines.VoteReminder", m.Text) || CatalogueText.StartsWith(Languages.English, "Deadlines.VoteGroupReminder", m.Text);

    /// <summary>Tuesday 24 November 2026, 10:00 UTC.</summary>
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_silence_warning_reaches_the_circulation_list_two_hours_before_in_each_readers_zone_once_also_across_a_restart()
    {
        var clock = new FakeTimeProvider(Start);
        await using var bot = await CouncilAsync(clock);
        await bot.AskAsync(EstHead, "/draft_new Letter to the Secretary-General\nWe agree.");
        await bot.AskAsync(EstHead, "/circulate D1 FRA,USA");
        await bot.AskAsync(EstHead, "/draft_new Short statement\nThe Council stands united.");
        await bot.AskAsync(EstHead, "/circulate D2 FRA");
        await bot.AskAsync(EstHead, "/silence D1 24");
        // One hour of silence is shorter than the two-hour warning: its notice already said when it ends, so no warning.
        await bot.AskAsync(EstHead, "/silence D2 1");

        clock.Advance(TimeSpan.FromHours(21));
        await InChat(bot, FraGroup, "Drafts.Silence.Agreed", "D2 v1", "D2 v1 · Short statement is agreed under silence");
        await SettleAsync(bot);
        Assert.Equal(0, Warnings(bot, FraGroup));

        // D1's warning (at 08:00 on the 25th) falls due while the bot is down: it goes at the restart, still before the deadline.
        await bot.StopHostAsync();
        clock.Advance(TimeSpan.FromHours(2));
        await bot.StartHostAsync();
        var paris = await InChat(bot, FraGroup, "Deadlines.SilenceWarning", "D1 v1", SilenceWarning + "D1 v1 · Letter to the Secretary-General");
        Assert.Contains("Wed 25 Nov 2026 11:00 (Europe/Paris", paris.PlainText, StringComparison.Ordinal);
        Assert.Contains("/breaksilence D1", paris.PlainText, StringComparison.Ordinal);
        Assert.NotEmpty(paris.Buttons);
        var newYork = await InChat(bot, UsaHead, "Deadlines.SilenceWarning", "D1 v1", SilenceWarning + "D1 v1");
        Assert.Contains("Wed 25 Nov 2026 05:00 (America/New_York", newYork.PlainText, StringComparison.Ordinal);
        await InChat(bot, EstGroup, "Deadlines.SilenceWarning", "D1 v1", SilenceWarning + "D1 v1");

        // Once only, even after another restart (the reconciler finds nothing still to come).
        await SettleAsync(bot);
        await bot.RestartHostAsync();
        await SettleAsync(bot);
        Assert.Equal(1, Warnings(bot, FraGroup));
        Assert.Equal(1, Warnings(bot, UsaHead));
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == SilenceWarnings.AuditAction));
    }

    [Fact]
    public async Task No_silence_warning_once_the_silence_is_broken_and_an_extended_one_is_warned_before_its_new_deadline_only()
    {
        var clock = new FakeTimeProvider(Start);
        await using var bot = await CouncilAsync(clock);
        foreach (var title in new[] { "Broken statement", "Kept statement", "Extended statement" })
        {
            await bot.AskAsync(EstHead, $"/draft_new {title}\nThe Council stands united.");
        }

        for (var id = 1; id <= 3; id++)
        {
            await bot.AskAsync(EstHead, $"/circulate D{id} FRA");
            await bot.AskAsync(EstHead, $"/silence D{id} 24");
        }

        await bot.AskAsync(FraHead, "/breaksilence D1 We object to the second paragraph.");
        Assert.Contains("now ends", (await bot.AskAsync(BotHarness.OperatorId, "/extend D3 24")).PlainText, StringComparison.Ordinal);

        // 22 hours on: D2's warning only. D1's silence was broken; D3's deadline moved a day later.
        clock.Advance(TimeSpan.FromHours(22) + TimeSpan.FromMinutes(1));
        await InChat(bot, FraGroup, "Deadlines.SilenceWarning", "D2 v1", SilenceWarning + "D2 v1 · Kept statement");
        await SettleAsync(bot);
        Assert.Equal(0, Warnings(bot, FraGroup, "D1"));
        Assert.Equal(0, Warnings(bot, FraGroup, "D3"));

        // Two hours before the new deadline, D3's warning names it.
        clock.Advance(TimeSpan.FromHours(24));
        var extended = await InChat(bot, FraGroup, "Deadlines.SilenceWarning", "D3 v1", SilenceWarning + "D3 v1 · Extended statement");
        Assert.Contains("26 Nov 2026 10:00", extended.PlainText, StringComparison.Ordinal);
        await SettleAsync(bot);
        Assert.Equal(0, Warnings(bot, FraGroup, "D1"));
        Assert.Equal(1, Warnings(bot, FraGroup, "D3"));
    }

    [Fact]
    public async Task Delegations_that_have_not_voted_are_reminded_with_their_ballot_buttons_six_hours_and_one_hour_before_the_close_also_across_a_restart()
    {
        var (bot, clock, _) = await VotingTestKit.StartAsync();
        await using var _ = bot;
        var estonia = VotingTestKit.HeadOf("EST");
        var france = VotingTestKit.HeadOf("FRA");
        var usa = VotingTestKit.HeadOf("USA");
        await bot.AskAsync(VotingTestKit.Chair, "/vote_open D3 substantive 24h");
        await bot.AskAsync(usa, "/vote D3 yes");

        clock.Advance(TimeSpan.FromHours(18) + TimeSpan.FromMinutes(1));
        var first = await bot.ReplyAsync(estonia, IsVoteReminder);
        Assert.StartsWith(VoteReminder + "Estonia has not yet voted on D3 v4", first.PlainText, StringComparison.Ordinal);
        Assert.Contains(first.Buttons, b => b.CallbackData == "b:1:y");

        // France votes from the reminder's own button.
        var french = await bot.ReplyAsync(france, IsVoteReminder);
        Assert.StartsWith(VoteReminder, french.PlainText, StringComparison.Ordinal);
        bot.Emulator.PressButton(france, france, french.MessageId, "b:1:y");
        Assert.Contains("in favour of D3 v4", (await bot.MessageFromCatalogueAsync(france, "Voting.Receipt.Yes")).PlainText, StringComparison.Ordinal);
        await WhenDeliveredAsync(bot);
        Assert.DoesNotContain(bot.Emulator.MessagesIn(usa), IsVoteReminder);

        // The one-hour reminder falls due while the bot is down: it goes at the restart, to those who still have not voted.
        await bot.StopHostAsync();
        clock.Advance(TimeSpan.FromHours(5));
        await bot.StartHostAsync();
        Assert.StartsWith(VoteReminder, (await bot.ReplyAsync(estonia, m => m.MessageId > first.MessageId && IsVoteReminder(m))).PlainText, StringComparison.Ordinal);
        await SettleVotersAsync(bot, estonia, france, usa);
        await bot.RestartHostAsync();
        await SettleVotersAsync(bot, estonia, france, usa);

        Assert.Equal(2, Reminders(bot, estonia));
        Assert.Equal(1, Reminders(bot, france));
        Assert.Equal(0, Reminders(bot, usa));
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        var rounds = await db.AuditEntries.Where(a => a.Action == ClosingReminders.AuditAction).Select(a => a.Details).ToListAsync();
        Assert.Equal(["V1 01:00:00 before 2030-01-08T12:00:00.0000000Z", "V1 06:00:00 before 2030-01-08T12:00:00.0000000Z"], rounds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task No_reminder_after_the_vote_has_closed()
    {
        var (bot, clock, _) = await VotingTestKit.StartAsync();
        await using var _ = bot;
        await bot.AskAsync(VotingTestKit.Chair, "/vote_open D3 substantive 24h");
        foreach (var code in VotingTestKit.Codes)
        {
            await bot.AskAsync(VotingTestKit.HeadOf(code), "/vote D3 yes");
        }

        // Everyone voted: the vote closes after the grace, long before the reminders.
        clock.Advance(TimeSpan.FromMinutes(11));
        await bot.VoteResultAsync(VotingTestKit.HeadOf("EST"));
        clock.Advance(TimeSpan.FromHours(23));
        await bot.AskAsync(VotingTestKit.HeadOf("EST"), "/tally D3");
        await WhenDeliveredAsync(bot);
        Assert.All(VotingTestKit.Codes, code => Assert.Equal(0, Reminders(bot, VotingTestKit.HeadOf(code))));
    }

    private static async Task<BotHarness> CouncilAsync(FakeTimeProvider clock)
    {
        var fast = new Dictionary<string, string?> { ["Delivery:GroupPerMinute"] = "600", ["Delivery:PrivatePerSecond"] = "20" };
        var emulator = new BotApiEmulatorOptions { GroupPerMinute = 600, PrivatePerSecond = 20, PrivateBurst = 20 };
        var bot = await BotHarness.StartAsync(fast, emulator, configure: s => s.AddSingleton<TimeProvider>(clock));
        await bot.SeedMemberAsync(EstHead, "EST", DelegationRole.Head, "Sven", "Europe/Tallinn");
        await bot.SeedMemberAsync(FraHead, "FRA", DelegationRole.Head, "Nicolas", "Europe/Paris");
        await bot.SeedMemberAsync(UsaHead, "USA", DelegationRole.Head, "Kelly", "America/New_York");
        await bot.LinkGroupAsync("EST", EstGroup);
        await bot.LinkGroupAsync("FRA", FraGroup);
        return bot;
    }

    /// <summary>The message in <paramref name="chat"/> written from <paramref name="key"/> about <paramref name="draft"/> (its id and version), which must say <paramref name="expected"/> in English.</summary>
    private static async Task<SentMessage> InChat(BotHarness bot, long chat, string key, string draft, string expected)
    {
        var message = await bot.ReplyAsync(chat, m => CatalogueText.StartsWith(Languages.English, key, m.Text) && (m.PlainText ?? string.Empty).Contains(draft, StringComparison.Ordinal));
        Assert.Contains(expected, message.PlainText, StringComparison.Ordinal);
        return message;
    }

    /// <summary>
    /// What was queued for these chats is sent and marked before a restart or a count (see DraftsEndToEndTests): a chat's
    /// messages go in order, so an answer there comes after everything queued before it.
    /// </summary>
    private static async Task SettleAsync(BotHarness bot)
    {
        await bot.AskAsync(FraHead, "/drafts", FraGroup);
        await bot.AskAsync(EstHead, "/drafts", EstGroup);
        await bot.AskAsync(UsaHead, "/drafts");
    }

    private static async Task SettleVotersAsync(BotHarness bot, params long[] voters)
    {
        foreach (var voter in voters)
        {
            await bot.AskAsync(voter, "/tally D3");
        }
    }

    private static Task WhenDeliveredAsync(BotHarness bot) =>
        bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);

    /// <summary>
    /// Warnings that a silence ends soon in <paramref name="chat"/> (on <paramref name="draft"/>, "D1", when given), recognised
    /// by their catalogue entry: a count of none cannot pass merely because the words changed (their English is asserted apart).
    /// </summary>
    private static int Warnings(BotHarness bot, long chat, string? draft = null) =>
        bot.Emulator.MessagesIn(chat).Count(m => CatalogueText.StartsWith(Languages.English, "Deadlines.SilenceWarning", m.Text)
            && (draft is null || m.PlainText!.Contains(draft + " v", StringComparison.Ordinal)));

    /// <summary>Reminders that voting closes soon in <paramref name="chat"/>, recognised as <see cref="Warnings"/> are.</summary>
    private static int Reminders(BotHarness bot, long chat) => bot.Emulator.MessagesIn(chat).Count(IsVoteReminder);
}
