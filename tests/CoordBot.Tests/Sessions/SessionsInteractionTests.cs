using System.Text;
using CoordBot.Localization;
using CoordBot.Telegram.Delivery;
using CoordBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot;
using static CoordBot.Tests.Sessions.SessionsTestKit;

namespace CoordBot.Tests.Sessions;

/// <summary>Sessions by buttons: the actions on a session and an agenda item, paged lists, answers that edit their message, 12/03 asked with buttons.</summary>
public sealed class SessionsInteractionTests
{
    [Fact]
    public async Task A_second_attendance_answer_edits_the_first_summary_instead_of_adding_a_message()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        await bot.AskAsync(Chair, "/schedule 2026-11-30 15:00 UTC closed Syria");
        var announcement = await bot.MessageWithCatalogueAsync(EstGroup, "Sessions.Announce.Scheduled");

        bot.Emulator.PressButton(EstGroup, EstHead, announcement.MessageId, "att:1:y");
        var summary = await bot.MessageWithCatalogueAsync(EstGroup, "Sessions.NotedAttends", afterMessageId: announcement.MessageId);
        Assert.Contains("Noted: Estonia attends S1", summary.PlainText, StringComparison.Ordinal);
        Assert.Contains("Attending: EST; not answered: 14", summary.PlainText, StringComparison.Ordinal);
        Assert.Empty(summary.Buttons); // no second pair: the pair pressed marks the answer where it was given
        var marked = await bot.EditedAsync(EstGroup, announcement.MessageId, m => m.Buttons.Any(b => b.Text == "✓ " + Catalogue.Text(Languages.English, "Sessions.Button.Attend")));
        Assert.Contains(marked.Buttons, b => b.Text == "✓ We attend" && b.CallbackData == "att:1:y");
        Assert.Contains("New session: S1", marked.PlainText, StringComparison.Ordinal);
        Assert.Contains(marked.Buttons, b => b.Text == "We do not attend" && b.CallbackData == "att:1:n");

        // The second answer (once the summary went): the same summary now says it, the pair marks it, and no message was added.
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);
        var before = bot.Emulator.MessagesIn(EstGroup).Count;
        bot.Emulator.PressButton(EstGroup, EstHead, announcement.MessageId, "att:1:n");
        var edited = await bot.EditedAsync(EstGroup, summary.MessageId, m => CatalogueText.StartsWith(Languages.English, "Sessions.NotedDeclines", m.Text));
        Assert.StartsWith("Noted: Estonia does not attend S1", edited.PlainText, StringComparison.Ordinal);
        Assert.Contains("Attending: none yet; not attending: EST; not answered: 14", edited.PlainText, StringComparison.Ordinal);
        Assert.Equal(1, edited.EditCount);
        var remarked = await bot.EditedAsync(EstGroup, announcement.MessageId, m => m.Buttons.Any(b => b.Text == "✓ " + Catalogue.Text(Languages.English, "Sessions.Button.Decline")));
        Assert.Contains(remarked.Buttons, b => b.Text == "✓ We do not attend" && b.CallbackData == "att:1:n");

        // Another delegation's answer by command in its own chat does not touch Estonia's group; a later one there edits again.
        Assert.StartsWith("Noted: France attends S1", (await bot.AskStartingWithCatalogueAsync(FraHead, "/attend S1 yes", "Sessions.NotedAttends")).PlainText, StringComparison.Ordinal);
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);
        bot.Emulator.PressButton(EstGroup, EstHead, announcement.MessageId, "att:1:y");
        var again = await bot.EditedAsync(EstGroup, summary.MessageId, m => m.EditCount == 2);
        Assert.Contains("Attending: EST, FRA; not answered: 13", again.PlainText, StringComparison.Ordinal);
        Assert.Equal(2, again.EditCount);
        Assert.Equal(before, bot.Emulator.MessagesIn(EstGroup).Count);
        Assert.Single(Containing(bot, EstGroup, "Noted:"));
    }

    [Fact]
    public async Task An_answer_whose_summary_was_deleted_is_sent_as_a_new_message()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        await bot.AskAsync(Chair, "/schedule 2026-11-30 15:00 UTC closed Syria");
        var announcement = await bot.MessageWithCatalogueAsync(EstGroup, "Sessions.Announce.Scheduled");
        bot.Emulator.PressButton(EstGroup, EstHead, announcement.MessageId, "att:1:y");
        var summary = await bot.MessageWithCatalogueAsync(EstGroup, "Sessions.NotedAttends", afterMessageId: announcement.MessageId);
        Assert.Contains("Noted: Estonia attends S1", summary.PlainText, StringComparison.Ordinal);
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);

        var client = new TelegramBotClient(new TelegramBotClientOptions(bot.Emulator.BotToken, bot.Emulator.BaseUrl.ToString().TrimEnd('/')));
        await client.DeleteMessage(EstGroup, (int)summary.MessageId);
        bot.Emulator.PressButton(EstGroup, EstHead, announcement.MessageId, "att:1:n");

        var fresh = await bot.ReplyAsync(EstGroup, m => !m.Deleted && CatalogueText.StartsWith(Languages.English, "Sessions.NotedDeclines", m.Text));
        Assert.StartsWith("Noted: Estonia does not attend S1", fresh.PlainText, StringComparison.Ordinal);
        Assert.NotEqual(summary.MessageId, fresh.MessageId);
    }

    [Fact]
    public async Task A_session_shows_each_reader_only_the_actions_they_may_take_and_a_press_runs_the_command()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        await bot.AskAsync(Chair, "/schedule 2026-11-30 15:00 UTC closed Syria");

        var forHead = await bot.AskWithCatalogueAsync(FraHead, "/session S1", "Sessions.SetIn");
        Assert.Equal(["att:1:y", "att:1:n", "r:ics S1", "r:agenda S1"], forHead.Buttons.Select(b => b.CallbackData));
        var forAdviser = await bot.AskAsync(EstAdviser, "/session S1");
        Assert.Equal(["r:ics S1", "r:agenda S1"], forAdviser.Buttons.Select(b => b.CallbackData));
        var forChair = await bot.AskAsync(Chair, "/session S1");
        Assert.Contains(forChair.Buttons, b => b.CallbackData == "r:reschedule S1");
        Assert.Contains(forChair.Buttons, b => b.CallbackData == "r:cancel S1");

        bot.Emulator.PressButton(FraAdviser, FraAdviser, (await bot.AskAsync(FraAdviser, "/session S1")).MessageId, "r:ics S1");
        var file = await bot.ReplyAsync(FraAdviser, m => m.DocumentName is not null);
        Assert.Equal("S1.ics", file.DocumentName);

        // Reschedule asks the new day and time with the session already chosen.
        bot.Emulator.PressButton(Chair, Chair, forChair.MessageId, "r:reschedule S1");
        var day = await bot.MessageWithCatalogueAsync(Chair, "Sessions.Guide.DayQuestion");
        bot.Emulator.PressButton(Chair, Chair, day.MessageId, "g:1:2026-12-02");
        var zone = await bot.ReplyAsync(Chair, m => m.MessageId == day.MessageId && m.Buttons.Any(b => b.CallbackData == "g:z:UTC"));
        bot.Emulator.PressButton(Chair, Chair, zone.MessageId, "g:z:UTC"); // asked once: the chair never chose a zone
        var time = await bot.EditedAsync(Chair, day.MessageId, m => CatalogueText.Contains(Languages.English, "Guidance.TimeQuestionInZone", m.Text));
        Assert.Contains("At what time", time.PlainText, StringComparison.Ordinal);
        bot.Emulator.PressButton(Chair, Chair, time.MessageId, "g:2:10:00");
        var summary = await bot.EditedAsync(Chair, day.MessageId, m => m.Buttons.Any(b => b.CallbackData == "g:ok"));
        Assert.Contains("/reschedule S1 2026-12-02 10:00", summary.PlainText, StringComparison.Ordinal);
        bot.Emulator.PressButton(Chair, Chair, summary.MessageId, "g:ok");
        Assert.Contains("Moved S1", (await bot.MessageWithCatalogueAsync(Chair, "Sessions.Moved", afterMessageId: summary.MessageId)).PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sessions_and_agenda_are_paged_with_a_button_opening_each_entry()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        for (var i = 0; i < 32; i++)
        {
            await InsertSessionAsync(bot, T0.UtcDateTime.AddDays(1).AddHours(i));
        }

        var first = await bot.AskAsync(EstAdviser, "/sessions");
        Assert.Contains("Page 1 of 2", first.PlainText, StringComparison.Ordinal);
        Assert.Equal([.. Enumerable.Range(1, 30).Select(i => $"r:session S{i}"), "r:sessions 2"], first.Buttons.Select(b => b.CallbackData));
        bot.Emulator.PressButton(EstAdviser, EstAdviser, first.MessageId, "r:sessions 2");
        var second = await bot.ReplyAsync(EstAdviser, m => CatalogueText.HoldsPlain(m.PlainText, Languages.English, "List.PageOf", 2, 2));
        Assert.Contains("Page 2 of 2", second.PlainText, StringComparison.Ordinal);
        Assert.Equal(["r:session S31", "r:session S32", "r:sessions 1"], second.Buttons.Select(b => b.CallbackData));
        bot.Emulator.PressButton(EstAdviser, EstAdviser, second.MessageId, "r:session S32");
        var card = await bot.ReplyAsync(EstAdviser, m => CatalogueText.Contains(Languages.English, "Sessions.SetIn", m.Text));
        Assert.Contains("S32 Situation in Libya", card.PlainText, StringComparison.Ordinal);
        Assert.Contains("Set in:", card.PlainText, StringComparison.Ordinal);

        for (var i = 1; i <= 9; i++)
        {
            await bot.AskAsync(Chair, $"/agenda_add S1 Item {i}");
        }

        // Nine items fit a phone screen: one message, a button for each item, no page buttons.
        var agenda = await bot.AskAsync(EstAdviser, "/agenda S1");
        Assert.Contains("Agenda:\n1. A1 Item 1 (proposed)", agenda.PlainText, StringComparison.Ordinal);
        Assert.Contains("9. A9 Item 9 (proposed)", agenda.PlainText, StringComparison.Ordinal);
        Assert.Equal("r:speakers A1", agenda.Buttons[0].CallbackData);
        Assert.DoesNotContain(agenda.Buttons, b => b.CallbackData!.StartsWith("r:agenda ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Speak_withdraw_and_next_are_offered_by_role_and_each_change_edits_the_shown_list()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        await bot.AskAsync(Chair, "/schedule 2026-11-30 15:00 UTC closed Middle East");
        await bot.AskAsync(Chair, "/agenda_add S1 The situation in Syria");

        var list = await bot.AskAsync(EstAdviser, "/speakers A1");
        Assert.Contains("Nobody has asked to speak on A1", list.PlainText, StringComparison.Ordinal);
        Assert.Equal(["r:speak A1"], list.Buttons.Select(b => b.CallbackData));
        var observers = await bot.AskAsync(EstObserver, "/speakers A1");
        Assert.DoesNotContain("r:speak A1", observers.Buttons.Select(b => b.CallbackData));

        bot.Emulator.PressButton(EstAdviser, EstAdviser, list.MessageId, "r:speak A1");
        Assert.Contains("Estonia is on the list of speakers on A1, number 1", (await bot.MessageStartingWithCatalogueAsync(EstAdviser, "Agenda.Inscribed", afterMessageId: list.MessageId)).PlainText, StringComparison.Ordinal);
        var edited = await bot.EditedAsync(EstAdviser, list.MessageId, m => m.EditCount == 1);
        Assert.Contains("1. Estonia", edited.PlainText, StringComparison.Ordinal);
        Assert.Equal(["r:withdraw_speaker A1"], edited.Buttons.Select(b => b.CallbackData));

        // Another delegation's request edits the list shown here too; the chair's view offers the next speaker.
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);
        Assert.Contains("number 2", (await bot.AskStartingWithCatalogueAsync(FraHead, "/speak A1", "Agenda.Inscribed")).PlainText, StringComparison.Ordinal);
        Assert.Contains("2. France", (await bot.EditedAsync(EstAdviser, list.MessageId, m => m.EditCount == 2)).PlainText, StringComparison.Ordinal);
        var chairs = await bot.AskAsync(Chair, "/speakers A1");
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);
        Assert.Equal(["r:next A1"], chairs.Buttons.Select(b => b.CallbackData));
        bot.Emulator.PressButton(Chair, Chair, chairs.MessageId, "r:next A1");
        Assert.Contains("1. Estonia — has the floor", (await bot.EditedAsync(Chair, chairs.MessageId, m => m.EditCount == 1)).PlainText, StringComparison.Ordinal);
        Assert.Single(Containing(bot, EstAdviser, "Speakers on A1"));
    }

    [Fact]
    public async Task A_typed_date_that_reads_two_ways_is_answered_with_two_buttons_that_complete_the_schedule()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;

        var question = await bot.AskAsync(Chair, "/schedule 12/03 15:00 UTC closed 90m Syria");
        Assert.Contains("\"12/03\" could be Fri 12 Mar 2027 or Thu 3 Dec 2026", question.PlainText, StringComparison.Ordinal);
        Assert.Equal(["12 March", "3 December", "Cancel"], question.Buttons.Select(b => b.Text));
        bot.Emulator.PressButton(Chair, Chair, question.MessageId, question.Buttons[0].CallbackData!);
        var summary = await bot.EditedAsync(Chair, question.MessageId, m => m.Buttons.Any(b => b.CallbackData == "g:ok"));
        Assert.Contains("/schedule 2027-03-12 15:00", summary.PlainText, StringComparison.Ordinal);
        Assert.Contains("closed 90m Syria", summary.PlainText, StringComparison.Ordinal);
        bot.Emulator.PressButton(Chair, Chair, summary.MessageId, "g:ok");
        var scheduled = await bot.MessageWithCatalogueAsync(Chair, "Sessions.Scheduled");
        Assert.Contains("Scheduled S1", scheduled.PlainText, StringComparison.Ordinal);
        Assert.Contains("Fri 12 Mar 2027 15:00 UTC", scheduled.PlainText, StringComparison.Ordinal);
        Assert.Contains("90 min", scheduled.PlainText, StringComparison.Ordinal);

        // In the guide, the same answer typed at the day step gets the two buttons too.
        var guide = await bot.AskAsync(Chair, "/schedule");
        Assert.Contains("Which day?", guide.PlainText, StringComparison.Ordinal);
        var asked = await bot.AskAsync(Chair, "12/03");
        Assert.Equal(["g:0:2027-03-12", "g:0:2026-12-03", "g:cancel"], asked.Buttons.Select(b => b.CallbackData));
        bot.Emulator.PressButton(Chair, Chair, asked.MessageId, "g:0:2026-12-03");
        await bot.ReplyAsync(Chair, m => m.MessageId == asked.MessageId && m.Buttons.Any(b => b.CallbackData == "g:z:UTC")); // the zone, asked once before the time
    }

    [Fact]
    public async Task A_french_reader_reads_sessions_in_french_and_the_ics_in_french()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        await bot.AskAsync(Chair, "/schedule 2026-11-30 15:00 UTC closed Syria");
        await bot.AskStartingWithCatalogueAsync(FraHead, "/language fr", "Language.SetPerson", language: "fr");

        var noted = await bot.AskStartingWithCatalogueAsync(FraHead, "/attend S1 yes", "Sessions.NotedAttends", language: "fr");
        Assert.Equal("C'est noté : France participe à S1 (réponse de User301).\nParticipent : FRA ; sans réponse : 14", noted.PlainText);
        Assert.Equal(["✓ Nous participons", "Nous ne participons pas"], noted.Buttons.Select(b => b.Text)); // the answer given is marked

        var missing = await bot.AskAsync(FraHead, "/session S9");
        Assert.Equal("Il n'y a pas de séance S9. Envoyez /sessions pour voir les prochaines.", missing.PlainText);

        bot.Send(FraHead, "/ics S1");
        var file = await bot.ReplyAsync(FraHead, m => m.DocumentName is not null);
        Assert.Contains("VTC privée, convoquée par la présidence. Fixée dans le fuseau UTC.", Encoding.UTF8.GetString(file.DocumentContent!).Replace("\r\n ", string.Empty, StringComparison.Ordinal).Replace("\\,", ",", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void The_arabic_refusal_isolates_the_session_id_and_marks_the_line_right_to_left() =>
        Assert.Equal("\u200Fلا توجد جلسة \u2068S9\u2069.", Catalogue.Format(Languages.Arabic, "Sessions.Refusal.NoSuchSession", "S9"));
}
