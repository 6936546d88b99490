using CoordBot.BotApi;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Persistence;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoordBot.Tests.Drafts;

/// <summary>
/// The 1718 Committee preset (issue 25): decisions under the no-objection procedure, with a deadline in working days,
/// holds placed and lifted by button and by command, an objection, and the state kept across a restart.
/// </summary>
public sealed class NoObjectionEndToEndTests
{
    private const long GrcHead = 701; // the Committee's chair, fixed for 2026 in the preset
    private const long UsaHead = 702;
    private const long FraHead = 703;
    private const long LvaHead = 704;
    private const long FraAdviser = 705;
    private const long UsaGroup = -700702;
    private const long FraGroup = -700703;
    private const long LvaGroup = -700704;

    // A Monday, 10:00 in New York.
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);

    private static async Task<BotHarness> CommitteeAsync(FakeTimeProvider clock, string preset = "committee-1718-2026.json")
    {
        var settings = new Dictionary<string, string?>
        {
            ["Council:File"] = Path.Combine(AppContext.BaseDirectory, "Council", preset),
            ["Delivery:GroupPerMinute"] = "600",
            ["Delivery:PrivatePerSecond"] = "20",
        };
        var bot = await BotHarness.StartAsync(settings, new BotApiEmulatorOptions { EnforceLimits = false }, configure: s => s.AddSingleton<TimeProvider>(clock));
        await bot.SeedMemberAsync(GrcHead, "GRC", DelegationRole.Head, "Aglaia", "America/New_York");
        await bot.SeedMemberAsync(UsaHead, "USA", DelegationRole.Head, "Kelly", "America/New_York");
        await bot.SeedMemberAsync(FraHead, "FRA", DelegationRole.Head, "Nicolas", "Europe/Paris");
        await bot.SeedMemberAsync(FraAdviser, "FRA", DelegationRole.Adviser, "Claire");
        await bot.SeedMemberAsync(LvaHead, "LVA", DelegationRole.Head, "Sanita", "Europe/Riga");
        await bot.LinkGroupAsync("USA", UsaGroup);
        await bot.LinkGroupAsync("FRA", FraGroup);
        await bot.LinkGroupAsync("LVA", LvaGroup);
        return bot;
    }

    private static async Task CirculatedDecisionAsync(BotHarness bot)
    {
        Assert.Contains("Created D1", (await bot.AskAsync(UsaHead, "/draft_new Exemption request 2026/7\nThe Committee approves the exemption request.")).PlainText, StringComparison.Ordinal);
        // The chair runs the procedure without being on the circulation list (it need not read the text).
        await bot.AskAsync(UsaHead, "/circulate D1 FRA LVA");
    }

    /// <summary>The first message in <paramref name="chat"/> after <paramref name="after"/> that begins with the catalogue entry <paramref name="key"/>: the wait is keyed on what the bot did, and the test then checks its words.</summary>
    private static Task<SentMessage> Notice(BotHarness bot, long chat, string key, long after = 0) =>
        bot.MessageStartingWithCatalogueAsync(chat, key, afterMessageId: after);

    private static bool Is(SentMessage message, string key) => CatalogueText.StartsWith(Languages.English, key, message.Text);

    private static Task<T> ReadAsync<T>(BotHarness bot, Func<CoordBotDb, Task<T>> read) => DraftsByButtonsTests.ReadAsync(bot, read);

    [Fact]
    public async Task A_hold_stops_the_deadline_survives_a_restart_and_once_lifted_the_decision_is_adopted_at_the_restored_deadline()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var bot = await CommitteeAsync(clock);
        await CirculatedDecisionAsync(bot);

        // The chair circulates the decision under no objection for five working days: Monday to Monday.
        var started = await bot.AskAsync(GrcHead, "/silence D1 5wd");
        Assert.Contains("under silence until", started.PlainText, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2026, 12, 14, 15, 0, 0, DateTimeKind.Utc), await ReadAsync(bot, db => db.Drafts.Select(d => d.SilenceDeadlineUtc).SingleAsync()));
        var notice = await Notice(bot, FraGroup, "Drafts.Silence.Notice");
        Assert.StartsWith("Silence procedure", notice.PlainText, StringComparison.Ordinal);
        Assert.Contains("/hold D1", notice.PlainText, StringComparison.Ordinal);

        // Wednesday: France holds it with the Hold button under the notice, which asks why; France taps "No reason".
        clock.Advance(TimeSpan.FromDays(2));
        var why = await DraftsByButtonsTests.TapAsync(bot, FraHead, notice, "Hold", m => CatalogueText.Contains(Languages.English, "Guide.Step", m.Text));
        Assert.Equal(["No reason", "Cancel"], why.Buttons.Select(b => b.Text));
        var held = await DraftsByButtonsTests.TapAsync(bot, FraHead, why, "No reason", m => Is(m, "Committees.Hold.Done"));
        Assert.StartsWith("You placed a hold on D1", held.PlainText, StringComparison.Ordinal);
        var told = await Notice(bot, LvaGroup, "Committees.Hold.Notice");
        Assert.Contains("placed a hold", told.PlainText, StringComparison.Ordinal);
        Assert.Contains("France (FRA)", told.PlainText, StringComparison.Ordinal);
        Assert.Contains("Reason: none given", told.PlainText, StringComparison.Ordinal);
        Assert.Contains("72 h 0 min of working time", told.PlainText, StringComparison.Ordinal);

        // A second hold by France is refused; an adviser may not hold; Latvia holds with a reason the committee reads.
        Assert.Contains("FRA already holds the decision", (await bot.AskAsync(FraHead, "/hold D1 again")).PlainText, StringComparison.Ordinal);
        Assert.Contains("head of delegation or the deputy", (await bot.AskAsync(FraAdviser, "/hold D1")).PlainText, StringComparison.Ordinal);
        Assert.Contains("You placed a hold on D1", (await bot.AskAsync(LvaHead, "/hold D1 Awaiting instructions from <Riga>.")).PlainText, StringComparison.Ordinal);
        // The penholder's group hears of both holds, France's first.
        var first = await Notice(bot, UsaGroup, "Committees.Hold.Notice");
        Assert.Contains("France (FRA)", first.PlainText, StringComparison.Ordinal);
        var reason = await Notice(bot, UsaGroup, "Committees.Hold.Notice", first.MessageId);
        Assert.Contains("Latvia (LVA)", reason.PlainText, StringComparison.Ordinal);
        Assert.Contains("Reason: Awaiting instructions from <Riga>.", reason.PlainText, StringComparison.Ordinal);
        Assert.Contains("FRA", (await bot.AskAsync(GrcHead, "/extend D1 24")).PlainText, StringComparison.Ordinal);

        // The original deadline passes while held, and the bot restarts: nothing is adopted.
        await bot.StopHostAsync();
        clock.Advance(TimeSpan.FromDays(6)); // Tuesday 15 December
        await bot.StartHostAsync();
        var shown = await bot.AskAsync(UsaHead, "/draft D1");
        Assert.Contains("under silence, on hold (held by FRA, LVA", shown.PlainText, StringComparison.Ordinal);
        Assert.Equal(0, AgreedIn(bot, FraGroup));

        // Latvia lifts by command: France still holds, the clock stays stopped.
        var still = await bot.AskAsync(LvaHead, "/lift D1");
        Assert.Contains("stays stopped while FRA hold it", still.PlainText, StringComparison.Ordinal);
        Assert.Contains("holds nothing on the decision", (await bot.AskAsync(UsaHead, "/lift D1")).PlainText, StringComparison.Ordinal);

        // France lifts with the Lift button under the notice of its own hold: the three working days left run from now
        // (Tuesday 10:00 in New York), so the new deadline is Friday 10:00.
        var ownHold = bot.Emulator.MessagesIn(FraGroup).Last(m => Is(m, "Committees.Hold.Notice") && m.Buttons.Any(b => b.Text == "Lift hold"));
        var lifted = await DraftsByButtonsTests.TapAsync(bot, FraHead, ownHold, "Lift hold", m => Is(m, "Committees.Lift.Done"));
        Assert.StartsWith("You lifted your hold on D1. Its deadline is now", lifted.PlainText, StringComparison.Ordinal);
        var newDeadline = new DateTime(2026, 12, 18, 15, 0, 0, DateTimeKind.Utc);
        Assert.Equal(newDeadline, await ReadAsync(bot, db => db.Drafts.Select(d => d.SilenceDeadlineUtc).SingleAsync()));
        var resumed = await Notice(bot, UsaGroup, "Committees.Lift.Notice");
        Assert.Contains("The new deadline is", resumed.PlainText, StringComparison.Ordinal);
        Assert.Contains("France (FRA)", resumed.PlainText, StringComparison.Ordinal);
        Assert.Contains("18", resumed.PlainText, StringComparison.Ordinal);

        // No objection and no hold at the restored deadline: adopted, told once.
        clock.Advance(newDeadline.AddMinutes(1) - clock.GetUtcNow().UtcDateTime);
        Assert.Contains("agreed under silence", (await Notice(bot, FraGroup, "Drafts.Silence.Agreed")).PlainText, StringComparison.Ordinal);
        Assert.Contains("agreed under silence", (await Notice(bot, LvaGroup, "Drafts.Silence.Agreed")).PlainText, StringComparison.Ordinal);
        var holds = await ReadAsync(bot, db => db.DraftHolds.OrderBy(h => h.Id).ToListAsync());
        Assert.Equal(["FRA", "LVA"], holds.Select(h => h.DelegationCode));
        Assert.All(holds, h => Assert.NotNull(h.LiftedAt));
        Assert.Equal("Awaiting instructions from <Riga>.", holds[1].Reason);
        var audit = await ReadAsync(bot, db => db.AuditEntries.Select(a => a.Action).ToListAsync());
        Assert.Equal(2, audit.Count(a => a == "draft.silence.held"));
        Assert.Equal(2, audit.Count(a => a == "draft.silence.lifted"));
        Assert.Single(audit, a => a == "draft.silence.agreed");
    }

    [Fact]
    public async Task An_objection_fails_the_decision_even_while_it_is_held_and_ends_the_holds()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var bot = await CommitteeAsync(clock);
        await CirculatedDecisionAsync(bot);
        await bot.AskAsync(GrcHead, "/silence D1 48");

        await bot.AskAsync(FraHead, "/hold D1 Consulting Paris.");
        var broken = await bot.AskAsync(LvaHead, "/breaksilence D1 The request does not meet the criteria.");
        Assert.Contains("You broke silence", broken.PlainText, StringComparison.Ordinal);
        Assert.StartsWith("Silence broken on D1", (await Notice(bot, UsaGroup, "Drafts.BreakSilence.Notice")).PlainText, StringComparison.Ordinal);

        // Over: nothing more to hold or lift, and the deadline never adopts it.
        Assert.Contains("not under silence", (await bot.AskAsync(FraHead, "/lift D1")).PlainText, StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromDays(3));
        Assert.DoesNotContain("agreed under silence", (await bot.AskAsync(UsaHead, "/draft D1")).PlainText, StringComparison.Ordinal);
        var hold = await ReadAsync(bot, db => db.DraftHolds.SingleAsync());
        Assert.NotNull(hold.EndedAt);
        Assert.Null(hold.LiftedAt);
        Assert.Equal(string.Empty, await ReadAsync(bot, db => db.Drafts.Select(d => d.Holders).SingleAsync()));
    }

    [Fact]
    public async Task Five_working_days_from_a_Friday_end_the_next_Friday_over_the_weekend()
    {
        var friday = Monday.AddDays(4);
        var clock = new FakeTimeProvider(friday);
        await using var bot = await CommitteeAsync(clock);
        await CirculatedDecisionAsync(bot);

        // At most 30 working days: the answer is the usage line, whose example shows the form.
        Assert.Contains("/silence D3 5wd", (await bot.AskAsync(GrcHead, "/silence D1 31wd")).PlainText, StringComparison.Ordinal);
        Assert.Contains("under silence until", (await bot.AskAsync(GrcHead, "/silence D1 5wd")).PlainText, StringComparison.Ordinal);

        // Five calendar days later (Wednesday) and six (Thursday): still under silence, the weekend did not count.
        clock.Advance(TimeSpan.FromDays(6));
        Assert.Contains("under silence", (await bot.AskAsync(UsaHead, "/draft D1")).PlainText, StringComparison.Ordinal);
        Assert.Equal(0, AgreedIn(bot, FraGroup));

        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.Contains("agreed under silence", (await Notice(bot, FraGroup, "Drafts.Silence.Agreed")).PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_under_the_classic_silence_procedure_offers_no_hold_and_says_why_to_a_typed_one()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var bot = await CommitteeAsync(clock, "security-council-2026.json");
        await CirculatedDecisionAsync(bot);
        await bot.AskAsync(UsaHead, "/silence D1 24");
        var notice = await Notice(bot, FraGroup, "Drafts.Silence.Notice");
        Assert.StartsWith("Silence procedure", notice.PlainText, StringComparison.Ordinal);

        Assert.DoesNotContain(notice.Buttons, b => b.Text == "Hold");
        Assert.Contains("not under the no-objection procedure", (await bot.AskAsync(FraHead, "/hold D1")).PlainText, StringComparison.Ordinal);
    }

    /// <summary>Notices of agreement under silence in <paramref name="chat"/>, recognised by their catalogue entry: a count of none cannot pass merely because the words changed.</summary>
    private static int AgreedIn(BotHarness bot, long chat) => bot.Emulator.MessagesIn(chat).Count(m => Is(m, "Drafts.Silence.Agreed"));
}
