using CoordBot.Telegram.Delivery;
using CoordBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static CoordBot.Tests.Sessions.SessionsTestKit;

namespace CoordBot.Tests.Agenda;

/// <summary>Issue 23 item 7: every delegation learns an agenda item's id when it is added or moved, and a bare /speak offers the items.</summary>
public sealed class AgendaIdsTests
{
    [Fact]
    public async Task A_new_item_is_told_to_every_delegation_with_its_id_and_a_button_to_ask_for_the_floor()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        await bot.AskAsync(Chair, "/schedule 2026-11-30 15:00 UTC closed Middle East");
        await bot.AskAsync(Chair, "/agenda_add S1 The situation in Syria");

        var group = await bot.MessageWithCatalogueAsync(EstGroup, "Agenda.AddedNotice");
        Assert.Contains("new agenda item A1 The situation in Syria (proposed), number 1.\nTo ask for the floor on it: /speak A1", group.PlainText, StringComparison.Ordinal);
        Assert.Equal([("Ask to speak on A1", "r:speak A1")], group.Buttons);
        // A delegation without a group hears it privately, in its members' chats.
        Assert.Contains("new agenda item A1 The situation in Syria", (await bot.MessageWithCatalogueAsync(FraHead, "Agenda.AddedNotice")).PlainText, StringComparison.Ordinal);

        bot.Emulator.PressButton(EstGroup, EstHead, group.MessageId, "r:speak A1");
        Assert.Contains("Estonia is on the list of speakers on A1, number 1", (await bot.MessageStartingWithCatalogueAsync(EstGroup, "Agenda.Inscribed", afterMessageId: group.MessageId)).PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_moved_item_is_told_with_the_agenda_as_it_now_is_but_not_again_to_the_chat_that_moved_it()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        await bot.AskAsync(Chair, "/schedule 2026-11-30 15:00 UTC closed Middle East");
        await bot.AskAsync(Chair, "/agenda_add S1 Adoption of the agenda");
        await bot.AskAsync(Chair, "/agenda_add S1 The situation in Syria");

        await bot.AskAsync(Chair, "/agenda_move A2 1");
        var moved = await bot.MessageWithCatalogueAsync(FraHead, "Agenda.MovedNotice");
        Assert.True(moved.PlainText!.Contains("A2 is now item 1.\nAgenda:\n1. A2 The situation in Syria (proposed)\n2. A1 Adoption of the agenda (proposed)", StringComparison.Ordinal), moved.PlainText);
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);
        Assert.DoesNotContain(bot.Emulator.MessagesIn(Chair), m => CatalogueText.Contains("en", "Agenda.MovedNotice", m.Text)); // by its entry: a rewording cannot make this pass
    }

    [Fact]
    public async Task A_bare_speak_offers_the_open_items_of_the_coming_session_or_says_what_is_missing()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;

        Assert.Equal(
            "No session is coming up, so there is no agenda item to speak on yet. The chair schedules one with /schedule.",
            (await bot.AskAsync(EstHead, "/speak")).PlainText);

        await bot.AskAsync(Chair, "/schedule 2026-11-30 15:00 UTC closed Middle East");
        Assert.Equal(
            "S1 has no open agenda item yet. The chair adds one with /agenda_add S1 <title>.",
            (await bot.AskAsync(EstHead, "/speak")).PlainText);

        await bot.AskAsync(Chair, "/agenda_add S1 Adoption of the agenda");
        await bot.AskAsync(Chair, "/agenda_add S1 The situation in Syria");
        await bot.AskAsync(Chair, "/agenda_status A1 deferred");
        var offer = await bot.AskWithCatalogueAsync(EstHead, "/speak", "Speak.Choose");
        Assert.Contains("On which item", offer.PlainText, StringComparison.Ordinal);
        Assert.Equal([("A2 The situation in Syria", "r:speak A2")], offer.Buttons);

        bot.Emulator.PressButton(EstHead, EstHead, offer.MessageId, "r:speak A2");
        Assert.Contains("Estonia is on the list of speakers on A2, number 1", (await bot.MessageStartingWithCatalogueAsync(EstHead, "Agenda.Inscribed", afterMessageId: offer.MessageId)).PlainText, StringComparison.Ordinal);
    }
}
