using CoordBot.BotApi;
using CoordBot.Domain.Membership;
using CoordBot.Persistence;
using CoordBot.Tests.Guides;
using CoordBot.Tests.Support;
using CoordBot.Tests.Voting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoordBot.Tests.Deadlines;

/// <summary>
/// Silence and vote deadlines given as a day and a time in a zone (issue 24 item 5), typed in the commands and in the guides,
/// read by the /schedule parser in the reader's language; the hours typed as before keep working exactly.
/// </summary>
public sealed class DeadlineAtClockTimeTests
{
    private const long EstHead = 101;
    private const long FraHead = 201;

    /// <summary>Tuesday 24 November 2026, 10:00 UTC (12:00 in Tallinn).</summary>
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Silence_and_extend_take_a_day_and_time_in_a_zone_refuse_the_past_and_the_too_far_and_hours_still_work()
    {
        await using var bot = await CouncilAsync();
        for (var id = 1; id <= 4; id++)
        {
            await bot.AskAsync(EstHead, $"/draft_new Statement {id}\nThe Council stands united.");
            await bot.AskAsync(EstHead, $"/circulate D{id} FRA");
        }

        // 12:00 in New York tomorrow is 17:00 UTC.
        Assert.Contains("under silence until", (await bot.AskAsync(EstHead, "/silence D1 tomorrow 12:00 New York")).PlainText, StringComparison.Ordinal);
        Assert.Equal(Utc(2026, 11, 25, 17), await DeadlineAsync(bot, 1));

        // The chair moves it to a clock time in another zone; one earlier than the deadline is refused, and nothing changes.
        var notLater = await bot.AskAsync(BotHarness.OperatorId, "/extend D1 2026-11-25 12:00 Europe/Tallinn");
        Assert.Contains("not later than the current deadline", notLater.PlainText, StringComparison.Ordinal);
        Assert.Equal(Utc(2026, 11, 25, 17), await DeadlineAsync(bot, 1));
        Assert.Contains("now ends", (await bot.AskAsync(BotHarness.OperatorId, "/extend D1 2026-11-26 15:00 Europe/Tallinn")).PlainText, StringComparison.Ordinal);
        Assert.Equal(Utc(2026, 11, 26, 13), await DeadlineAsync(bot, 1));
        Assert.Contains("extended by the chair by 20 h", (await bot.MessageStartingWithCatalogueAsync(-100201, "Drafts.Extend.Notice")).PlainText, StringComparison.Ordinal);

        // Refused politely, saying what is expected; D2 stays in negotiation.
        var past = await bot.AskAsync(EstHead, "/silence D2 2026-11-20 10:00");
        Assert.Contains("has already passed: give a deadline still to come", past.PlainText, StringComparison.Ordinal);
        var far = await bot.AskAsync(EstHead, "/silence D2 2027-06-01 10:00 Europe/Tallinn");
        Assert.Contains("too far ahead: the latest deadline here is", far.PlainText, StringComparison.Ordinal);
        var unreadable = await bot.AskAsync(EstHead, "/silence D2 tomorrow");
        Assert.Contains("I could not read «tomorrow» as a deadline", unreadable.PlainText, StringComparison.Ordinal);
        Assert.Contains("tomorrow 12:00 New York", unreadable.PlainText, StringComparison.Ordinal);
        Assert.Null(await DeadlineAsync(bot, 2));

        // The typed hours are a contract: as before, out of range or not a number is the usage line.
        Assert.StartsWith("Usage: /silence D<n> <hours>", (await bot.AskAsync(EstHead, "/silence D2 0")).PlainText, StringComparison.Ordinal);
        Assert.StartsWith("Usage: /silence D<n> <hours>", (await bot.AskAsync(EstHead, "/silence D2 721")).PlainText, StringComparison.Ordinal);
        Assert.StartsWith("Usage: /silence D<n> <hours>", (await bot.AskAsync(EstHead, "/silence D2 soon")).PlainText, StringComparison.Ordinal);
        await bot.AskAsync(EstHead, "/silence D2 24");
        Assert.Equal(Utc(2026, 11, 25, 10), await DeadlineAsync(bot, 2));

        // A time alone is the next one to come, in the author's zone: 18:00 in Tallinn today.
        await bot.AskAsync(EstHead, "/silence D3 18:00");
        Assert.Equal(Utc(2026, 11, 24, 16), await DeadlineAsync(bot, 3));

        // In the author's own language: demain 15:00, in Tallinn.
        await bot.AskAsync(EstHead, "/language fr");
        var frenchPast = await bot.AskAsync(EstHead, "/silence D4 2026-11-20 10:00");
        Assert.Contains("déjà passé", frenchPast.PlainText, StringComparison.Ordinal);
        var french = await bot.AskAsync(EstHead, "/silence D4 demain 15:00");
        Assert.DoesNotContain("under silence", french.PlainText, StringComparison.Ordinal);
        Assert.Equal(Utc(2026, 11, 25, 13), await DeadlineAsync(bot, 4));
    }

    [Fact]
    public async Task The_silence_guide_offers_short_windows_and_takes_a_typed_day_and_time()
    {
        await using var bot = await CouncilAsync();
        await bot.AskAsync(EstHead, "/draft_new Statement\nThe Council stands united.");
        await bot.AskAsync(EstHead, "/circulate D1 FRA");

        var which = await bot.AskAsync(EstHead, "/silence");
        var step = await GuideKit.PressAsync(bot, EstHead, which, which.Buttons.Single(b => b.Text.StartsWith("D1", StringComparison.Ordinal)).Text);
        Assert.Equal(["2 h", "6 h", "12 h", "24 h (1 day)", "48 h (2 days)", "72 h (3 days)", "96 h (4 days)"], step.Buttons.Where(b => b.Text.Contains(" h", StringComparison.Ordinal)).Select(b => b.Text));
        Assert.Contains("tomorrow 12:00 New York", step.PlainText, StringComparison.Ordinal);

        var refused = await bot.AskAsync(EstHead, "2026-11-20 12:00");
        Assert.Contains("has already passed", refused.PlainText, StringComparison.Ordinal);
        var summary = await bot.AskAsync(EstHead, "tomorrow 12:00 New York");
        Assert.Contains("/silence D1 2026-11-25 12:00 America/New_York", summary.PlainText, StringComparison.Ordinal);
        bot.Emulator.PressButton(EstHead, EstHead, summary.MessageId, "g:ok");
        Assert.Contains("under silence until", (await bot.MessageFromCatalogueAsync(EstHead, "Drafts.Silence.Done", afterMessageId: summary.MessageId)).PlainText, StringComparison.Ordinal);
        Assert.Equal(Utc(2026, 11, 25, 17), await DeadlineAsync(bot, 1));
    }

    [Fact]
    public async Task A_vote_closes_at_a_day_and_time_in_a_zone_among_the_other_words_and_one_too_far_is_refused()
    {
        var (bot, _, drafts) = await VotingTestKit.StartAsync();
        await using var _ = bot;

        var far = await bot.AskAsync(VotingTestKit.Chair, "/vote_open D3 substantive 2030-01-20 10:00 Europe/Tallinn");
        Assert.Contains("too far ahead", far.PlainText, StringComparison.Ordinal);
        Assert.Equal(Domain.Drafts.DraftStatus.InBlue, drafts.Drafts[3].Status);

        // Monday 7 January 2030, 12:00 UTC: tomorrow 18:00 in Tallinn is 16:00 UTC, and the words after the zone still count.
        var opened = await bot.AskAsync(VotingTestKit.Chair, "/vote_open D3 substantive tomorrow 18:00 Europe/Tallinn recuse ZAF");
        Assert.Contains("14 delegations vote", opened.PlainText, StringComparison.Ordinal);
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        var vote = await db.Votes.SingleAsync();
        Assert.Equal(new DateTime(2030, 1, 8, 16, 0, 0, DateTimeKind.Utc), vote.ClosesAt);
        Assert.Equal("ZAF", vote.RecusedCodes);
    }

    /// <summary>Per language: tomorrow at 15:00 as typed there (15:00 in Tallinn on Wednesday 25 November is 13:00 UTC).</summary>
    public static TheoryData<string, string> Tomorrows => new()
    {
        { "en", "tomorrow 15:00" },
        { "fr", "demain 15 h" },
        { "es", "mañana 15:00" },
        { "ru", "завтра 15:00" },
        { "zh", "明天 下午3点" },
        { "ar", "غدًا ١٥:٠٠" },
    };

    [Theory]
    [MemberData(nameof(Tomorrows))]
    public async Task The_typed_silence_reads_a_day_and_time_in_the_readers_own_words(string language, string when)
    {
        await using var bot = await CouncilAsync();
        await bot.AskAsync(EstHead, "/draft_new Statement\nThe Council stands united.");
        await bot.AskAsync(EstHead, "/circulate D1 FRA");
        if (language != "en")
        {
            await bot.AskAsync(EstHead, "/language " + language);
        }

        await bot.AskAsync(EstHead, $"/silence D1 {when}");

        Assert.Equal(Utc(2026, 11, 25, 13), await DeadlineAsync(bot, 1));
    }

    private static async Task<BotHarness> CouncilAsync()
    {
        var clock = new FakeTimeProvider(Start);
        var fast = new Dictionary<string, string?> { ["Delivery:GroupPerMinute"] = "600", ["Delivery:PrivatePerSecond"] = "20" };
        var emulator = new BotApiEmulatorOptions { GroupPerMinute = 600, PrivatePerSecond = 20, PrivateBurst = 20 };
        var bot = await BotHarness.StartAsync(fast, emulator, configure: s => s.AddSingleton<TimeProvider>(clock));
        await bot.SeedMemberAsync(EstHead, "EST", DelegationRole.Head, "Sven", "Europe/Tallinn");
        await bot.SeedMemberAsync(FraHead, "FRA", DelegationRole.Head, "Nicolas", "Europe/Paris");
        await bot.LinkGroupAsync("FRA", -100201);
        await bot.LinkGroupAsync("EST", -100101);
        return bot;
    }

    private static async Task<DateTime?> DeadlineAsync(BotHarness bot, long draftId)
    {
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        return await db.Drafts.Where(d => d.Id == draftId).Select(d => d.SilenceDeadlineUtc).SingleAsync();
    }

    private static DateTime Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);
}
