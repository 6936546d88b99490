using CoordBot.Domain.Agenda;
using CoordBot.Features.Agenda;
using CoordBot.Localization;
using CoordBot.Persistence;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoordBot.Tests.Sessions.SessionsTestKit;

namespace CoordBot.Tests.Agenda;

public sealed class AgendaEndToEndTests
{
    [Fact]
    public async Task A_chair_builds_three_items_reorders_two_delegations_ask_to_speak_and_next_gives_the_floor_in_order()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        await bot.AskAsync(Chair, "/schedule 2026-11-30 15:00 UTC closed Middle East");

        Assert.Contains("Added A1", (await bot.AskAsync(Chair, "/agenda_add S1 Adoption of the agenda")).PlainText, StringComparison.Ordinal);
        Assert.Contains("Added A2", (await bot.AskAsync(Chair, "/agenda_add S1 The situation in Syria")).PlainText, StringComparison.Ordinal);
        Assert.Contains("as item 3", (await bot.AskAsync(Chair, "/agenda_add 1 Other matters")).PlainText, StringComparison.Ordinal);
        var moved = await bot.AskAsync(Chair, "/agenda_move A3 1");
        Assert.Contains("1. A3 Other matters\n2. A1 Adoption of the agenda\n3. A2 The situation in Syria", moved.PlainText, StringComparison.Ordinal);
        Assert.Contains("penholder Belgium with Germany", (await bot.AskAsync(Chair, "/penholder A2 BEL,DEU")).PlainText + (await bot.AskAsync(EstAdviser, "/agenda S1")).PlainText, StringComparison.Ordinal);

        Assert.Contains("number 1", (await bot.AskAsync(EstAdviser, "/speak A2")).PlainText, StringComparison.Ordinal);
        Assert.Contains("number 2", (await bot.AskStartingWithCatalogueAsync(FraHead, "/speak a2", "Agenda.Inscribed")).PlainText, StringComparison.Ordinal);
        Assert.Contains("already on the list", (await bot.AskAsync(EstHead, "/speak A2")).PlainText, StringComparison.Ordinal);

        Assert.Contains("the floor goes to Estonia", (await bot.AskAsync(Chair, "/next A2")).PlainText, StringComparison.Ordinal);
        Assert.Contains("You have the floor", (await bot.ReplyAsync(EstGroup, m => CatalogueText.Contains(Languages.English, "Agenda.YouHaveFloor", m.Text) && m.PlainText!.Contains("A2", StringComparison.Ordinal))).PlainText, StringComparison.Ordinal);
        Assert.Contains("the floor goes to France", (await bot.AskAsync(Chair, "/next A2")).PlainText, StringComparison.Ordinal);
        Assert.Contains("You have the floor", (await bot.MessageWithCatalogueAsync(FraHead, "Agenda.YouHaveFloor")).PlainText, StringComparison.Ordinal);
        Assert.Contains("You have the floor", (await bot.MessageWithCatalogueAsync(FraAdviser, "Agenda.YouHaveFloor")).PlainText, StringComparison.Ordinal);

        var speakers = await bot.AskAsync(EstAdviser, "/speakers A2");
        Assert.Contains("1. Estonia — has spoken\n2. France — has the floor", speakers.PlainText, StringComparison.Ordinal);
        Assert.Contains("exhausted", (await bot.AskAsync(Chair, "/next A2")).PlainText, StringComparison.Ordinal);
        Assert.Single(bot.Emulator.MessagesIn(EstGroup), m => m.PlainText!.Contains("You have the floor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_changes_follow_the_rules_and_are_announced_with_the_agenda_in_reminders()
    {
        var (bot, clock) = await StartAsync(("Sessions:Reminders:0", "01:00:00"));
        await using var __ = bot;
        await bot.AskAsync(Chair, "/schedule 2026-11-23 14:00 UTC closed Middle East");
        await bot.AskAsync(Chair, "/agenda_add S1 The situation in Syria");

        Assert.Contains("cannot become concluded", (await bot.AskAsync(Chair, "/agenda_status A1 concluded")).PlainText, StringComparison.Ordinal);
        Assert.Contains("now adopted", (await bot.AskAsync(Chair, "/agenda_status A1 adopted")).PlainText, StringComparison.Ordinal);
        Assert.Contains("is now adopted", (await bot.MessageWithCatalogueAsync(EstGroup, "Agenda.StatusNotice")).PlainText, StringComparison.Ordinal);
        Assert.Contains("Usage", (await bot.AskAsync(Chair, "/agenda_status A1 finished")).PlainText, StringComparison.Ordinal);

        // The 1-hour reminder carries the agenda.
        await bot.StopHostAsync();
        clock.SetUtcNow(T0.AddHours(1));
        await bot.StartHostAsync();
        var reminder = await bot.MessageWithCatalogueAsync(EstGroup, "Sessions.Reminder");
        Assert.Contains("1. A1 The situation in Syria (adopted)", reminder.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_ids_out_of_range_positions_and_other_peoples_business_change_nothing()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        await bot.AskAsync(Chair, "/schedule 2026-11-30 15:00 UTC closed Middle East");
        await bot.AskAsync(Chair, "/agenda_add S1 Syria");
        await bot.AskAsync(Chair, "/agenda_add S1 Yemen");

        Assert.Contains("out of range", (await bot.AskAsync(Chair, "/agenda_move A1 3")).PlainText, StringComparison.Ordinal);
        Assert.Contains("There is no agenda item A9", (await bot.AskAsync(Chair, "/agenda_move A9 1")).PlainText, StringComparison.Ordinal);
        Assert.Contains("There is no session S5", (await bot.AskAsync(Chair, "/agenda_add S5 Libya")).PlainText, StringComparison.Ordinal);
        Assert.Contains("not an agenda item id", (await bot.AskAsync(EstHead, "/speak S1")).PlainText, StringComparison.Ordinal);
        Assert.Contains("Only the chair", (await bot.AskAsync(EstHead, "/agenda_add S1 Libya")).PlainText, StringComparison.Ordinal);
        Assert.Contains("Only the president", (await bot.AskAsync(EstHead, "/penholder A1 EST")).PlainText, StringComparison.Ordinal);
        Assert.Contains("XYZ is not a member", (await bot.AskAsync(Chair, "/penholder A1 FRA,XYZ")).PlainText, StringComparison.Ordinal);
        Assert.Contains("Only the chair", (await bot.AskAsync(EstHead, "/next A1")).PlainText, StringComparison.Ordinal);
        Assert.Contains("is not on the list", (await bot.AskAsync(EstHead, "/withdraw_speaker A1")).PlainText, StringComparison.Ordinal);
        // An observer sees no closed session, so neither its agenda nor its items.
        Assert.Contains("There is no agenda item A1", (await bot.AskAsync(EstObserver, "/speak A1")).PlainText, StringComparison.Ordinal);
        Assert.Contains("There is no session S1", (await bot.AskAsync(EstObserver, "/agenda S1")).PlainText, StringComparison.Ordinal);

        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        var items = await db.AgendaItems.OrderBy(i => i.Position).ToListAsync();
        Assert.Equal(["Syria", "Yemen"], items.Select(i => i.Title));
        Assert.All(items, i => Assert.Equal(string.Empty, i.Penholders));
        Assert.Empty(await db.AgendaSpeakers.ToListAsync());
    }

    [Fact]
    public async Task A_delegation_withdraws_and_asks_again_at_the_end_of_the_list()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        await bot.AskAsync(Chair, "/schedule 2026-11-30 15:00 UTC closed Middle East");
        await bot.AskAsync(Chair, "/agenda_add S1 Syria");
        await bot.AskAsync(EstHead, "/speak A1");
        Assert.Contains("number 2", (await bot.AskStartingWithCatalogueAsync(FraAdviser, "/speak A1", "Agenda.Inscribed")).PlainText, StringComparison.Ordinal);

        Assert.Contains("off the list", (await bot.AskAsync(EstAdviser, "/withdraw_speaker A1")).PlainText, StringComparison.Ordinal);
        Assert.Contains("number 2", (await bot.AskAsync(EstHead, "/speak A1")).PlainText, StringComparison.Ordinal);

        var speakers = await bot.AskAsync(EstHead, "/speakers A1");
        Assert.Contains("1. France\n2. Estonia", speakers.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Penholder_without_codes_or_with_a_bad_id_says_what_is_expected_and_changes_nothing()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        await bot.AskAsync(Chair, "/schedule 2026-11-30 15:00 UTC closed Middle East");
        await bot.AskAsync(Chair, "/agenda_add S1 Syria");

        var noCodes = (await bot.AskAsync(Chair, "/penholder A1 ,,,")).PlainText;
        var badId = (await bot.AskAsync(Chair, "/penholder X1 FRA")).PlainText;

        Assert.Equal("Usage: /penholder A<n> <CODE>[,<CODE>...], for example /penholder A7 FRA,DEU (delegation codes, as /delegations lists them)", noCodes);
        Assert.Equal("\"X1\" is not an agenda item id: write it as A7 or 7. " + noCodes, badId);
        Assert.Equal(string.Empty, (await ReadAsync(bot, db => db.AgendaItems.SingleAsync())).Penholders);
    }
}
