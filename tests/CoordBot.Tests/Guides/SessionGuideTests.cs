using CoordBot.Features.Sessions;
using CoordBot.Domain.Sessions;
using CoordBot.Localization;
using Microsoft.EntityFrameworkCore;
using static CoordBot.Tests.Guides.GuideKit;
using static CoordBot.Tests.Sessions.SessionsTestKit;

namespace CoordBot.Tests.Guides;

/// <summary>The session guides through the emulator: a chair schedules with no typing but the title (issue 14).</summary>
public sealed class SessionGuideTests
{
    [Fact]
    public async Task A_chair_schedules_a_session_by_buttons_typing_only_the_title()
    {
        var (bot, _) = await StartAsync();
        await using var _ = bot;

        var day = await bot.AskAsync(Chair, "/schedule");
        Assert.Contains("step 1 of 4: Day", day.PlainText, StringComparison.Ordinal);
        Assert.Equal("Today, Mon 23 Nov", day.Buttons[0].Text);
        // The chair never said where they are: asked once, by city buttons, before the first time question.
        var zone = await PressAsync(bot, Chair, day, "Tomorrow, Tue 24 Nov");
        Assert.Contains(Catalogue.Text(Languages.English, "Flow.Zone.First"), zone.PlainText, StringComparison.Ordinal);
        var time = await PressAsync(bot, Chair, zone, "UTC");
        Assert.Contains("At what time, in UTC?", time.PlainText, StringComparison.Ordinal);
        var format = await PressAsync(bot, Chair, time, "15:00");
        Assert.Equal(["open", "closed", "consultations", "Cancel"], format.Buttons.Select(b => b.Text)); // an Arria meeting is a delegation's
        var title = await PressAsync(bot, Chair, format, "closed");
        Assert.Contains("step 4 of 4: Title", title.PlainText, StringComparison.Ordinal);

        var summary = await bot.AskAsync(Chair, "Briefing on the Middle East");
        Assert.Contains("This sends /schedule 2026-11-24 15:00 closed Briefing on the Middle East", summary.PlainText, StringComparison.Ordinal);
        Assert.Equal(0, await SessionCountAsync(bot));
        bot.Emulator.PressButton(Chair, Chair, summary.MessageId, "g:ok");
        var scheduled = await bot.MessageStartingWithCatalogueAsync(Chair, "Sessions.Scheduled");
        Assert.StartsWith("Scheduled S1", scheduled.PlainText, StringComparison.Ordinal);

        Assert.Contains("Briefing on the Middle East", scheduled.PlainText, StringComparison.Ordinal);
        var session = await ReadAsync(bot, db => db.Sessions.SingleAsync());
        Assert.Equal(new DateTime(2026, 11, 24, 15, 0, 0, DateTimeKind.Utc), session.StartUtc);
        Assert.Equal(SessionFormat.Closed, session.Format);

        // The chair's next step is a tap away: the button asks the agenda item's title only, never again which session.
        Assert.Contains(("Add an agenda item", "r:agenda_add S1"), scheduled.Buttons);
        bot.Emulator.PressButton(Chair, Chair, scheduled.MessageId, "r:agenda_add S1");
        var itemTitle = await bot.MessageWithCatalogueAsync(Chair, "Guide.Step", afterMessageId: scheduled.MessageId);
        Assert.Contains("/agenda_add, step 2 of 2", itemTitle.PlainText, StringComparison.Ordinal);
        var itemSummary = await bot.AskAsync(Chair, "Briefing by the Special Envoy");
        Assert.Contains("This sends /agenda_add S1 Briefing by the Special Envoy", itemSummary.PlainText, StringComparison.Ordinal);
        Assert.True(itemTitle.MessageId < itemSummary.MessageId);
        bot.Emulator.PressButton(Chair, Chair, itemSummary.MessageId, "g:ok");
        Assert.Contains("A1", (await bot.MessageWithCatalogueAsync(Chair, "Agenda.Added", afterMessageId: itemSummary.MessageId)).PlainText, StringComparison.Ordinal);
        Assert.Equal("Briefing by the Special Envoy", (await ReadAsync(bot, db => db.AgendaItems.SingleAsync())).Title);
    }

    [Fact]
    public async Task A_French_chair_reads_the_chosen_format_in_words_in_the_summary_and_in_a_refusal_not_its_code()
    {
        var (bot, _) = await StartAsync();
        await using var _ = bot;
        await bot.AskAsync(Chair, "/language fr");

        var day = await bot.AskAsync(Chair, "/schedule");
        var zone = await PressAsync(bot, Chair, day, day.Buttons[1].Text);
        var time = await PressAsync(bot, Chair, zone, "UTC");
        var format = await PressAsync(bot, Chair, time, "15:00");
        var closed = SessionRendering.FormatName(SessionFormat.Closed, "fr");
        Assert.Contains(closed, format.Buttons.Select(b => b.Text));

        // A word that is no choice: the refusal lists what may be typed, in French (the buttons' words), not the codes.
        var refused = await bot.AskAsync(Chair, "peut-être");
        Assert.Contains(SessionRendering.FormatName(SessionFormat.Open, "fr"), refused.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("consultations, ", refused.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("open", refused.PlainText, StringComparison.Ordinal);

        await PressAsync(bot, Chair, format, closed);
        var summary = await bot.AskAsync(Chair, "Exposé sur le Moyen-Orient");
        var formatLine = summary.PlainText!.Split('\n').Single(l => l.StartsWith(Catalogue.Text("fr", "Sessions.Guide.FormatLabel"), StringComparison.Ordinal));
        Assert.Contains(closed, formatLine, StringComparison.Ordinal);
        Assert.DoesNotContain("closed", formatLine, StringComparison.Ordinal);
        Assert.Contains(" closed Exposé sur le Moyen-Orient", summary.PlainText, StringComparison.Ordinal); // the command sent is the typed form

        bot.Emulator.PressButton(Chair, Chair, summary.MessageId, "g:ok");
        await bot.ReplyAsync(Chair, m => m.MessageId > summary.MessageId && m.PlainText!.Contains("S1", StringComparison.Ordinal) && m.PlainText.Contains(closed, StringComparison.Ordinal));
        Assert.Equal(SessionFormat.Closed, (await ReadAsync(bot, db => db.Sessions.SingleAsync())).Format);
    }

    [Fact]
    public async Task A_head_in_Tallinn_is_offered_only_an_Arria_meeting_and_the_time_tapped_is_in_their_zone()
    {
        var (bot, _) = await StartAsync();
        await using var _ = bot;

        var day = await bot.AskAsync(EstHead, "/schedule");
        var time = await PressAsync(bot, EstHead, day, "Tomorrow, Tue 24 Nov");
        var format = await PressAsync(bot, EstHead, time, "15:00");
        Assert.Equal(["arria", "Cancel"], format.Buttons.Select(b => b.Text));
        await PressAsync(bot, EstHead, format, "arria");
        var summary = await bot.AskAsync(EstHead, "Children and armed conflict");
        bot.Emulator.PressButton(EstHead, EstHead, summary.MessageId, "g:ok");
        Assert.StartsWith("Scheduled S1", (await bot.MessageStartingWithCatalogueAsync(EstHead, "Sessions.Scheduled")).PlainText, StringComparison.Ordinal);

        var session = await ReadAsync(bot, db => db.Sessions.SingleAsync());
        Assert.Equal(new DateTime(2026, 11, 24, 13, 0, 0, DateTimeKind.Utc), session.StartUtc); // 15:00 in Tallinn (UTC+2)
        Assert.Equal("EST", session.ConvenorCode);
    }

    [Fact]
    public async Task Reschedule_offers_only_the_sessions_the_asker_may_move_and_a_typed_day_is_checked()
    {
        var (bot, _) = await StartAsync();
        await using var _ = bot;
        await InsertSessionAsync(bot, new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc));
        await InsertSessionAsync(bot, new DateTime(2026, 11, 26, 10, 0, 0, DateTimeKind.Utc), SessionFormat.Arria, convenor: "FRA");

        var estonia = await bot.AskAsync(EstHead, "/reschedule");
        Assert.Equal("There is no upcoming session you may move now; /sessions lists the sessions.", estonia.PlainText);
        Assert.Empty(estonia.Buttons); // nothing to move: no question with Cancel alone

        var which = await bot.AskAsync(Chair, "/reschedule");
        Assert.Equal(3, which.Buttons.Count); // S1, S2 (the chair runs every session) and Cancel
        var day = await PressAsync(bot, Chair, which, which.Buttons[0].Text);
        var wrong = await bot.AskAsync(Chair, "next Thursday-ish");
        Assert.StartsWith("\"next\" is not a date: write it as yyyy-mm-dd", wrong.PlainText, StringComparison.Ordinal);
        var ambiguous = await bot.AskAsync(Chair, "12/03");
        Assert.Equal("Do you mean Fri 12 Mar 2027 or Thu 3 Dec 2026? Please tap a day, or write it as 12 Mar or 3 Dec.", ambiguous.PlainText);
        var zone = await bot.AskAsync(Chair, "friday");
        Assert.Contains(Catalogue.Text(Languages.English, "Flow.Zone.First"), zone.PlainText, StringComparison.Ordinal);
        var time = await bot.AskAsync(Chair, "utc");
        Assert.Contains("step 3 of 3: Time", time.PlainText, StringComparison.Ordinal);
        var summary = await bot.AskAsync(Chair, "9.30 am");
        Assert.Contains("This sends /reschedule S1 2026-11-27 09:30", summary.PlainText, StringComparison.Ordinal);
        Assert.NotEqual(day.MessageId, time.MessageId); // a typed answer gets a new message; a tap edits in place
    }

    [Fact]
    public async Task A_bare_agenda_add_asks_for_the_session_by_button_then_the_title_and_adds_the_item_only_on_confirm()
    {
        var (bot, _) = await StartAsync();
        await using var _ = bot;
        await InsertSessionAsync(bot, new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc));

        // A head runs no closed session: no question without an answer, but what is missing and what to do, which for a
        // head (who cannot /schedule one) is to ask the chair.
        var estonia = await bot.AskAsync(EstHead, "/agenda_add");
        Assert.Empty(estonia.Buttons);
        Assert.Equal(Catalogue.Text(Languages.English, "Flow.NoSessionAskChair"), estonia.PlainText);
        Assert.DoesNotContain("/schedule", estonia.PlainText, StringComparison.Ordinal);

        var which = await bot.AskAsync(Chair, "/agenda_add");
        Assert.Contains(Catalogue.Text(Languages.English, "Agenda.Guide.SessionQuestion"), which.PlainText, StringComparison.Ordinal);
        Assert.Equal(2, which.Buttons.Count); // S1 and Cancel
        var title = await PressAsync(bot, Chair, which, which.Buttons[0].Text);
        Assert.Contains(Catalogue.Text(Languages.English, "Agenda.Guide.TitleQuestion"), title.PlainText, StringComparison.Ordinal);

        var summary = await bot.AskAsync(Chair, "The situation in Libya");
        Assert.Contains("This sends /agenda_add S1 The situation in Libya", summary.PlainText, StringComparison.Ordinal);
        Assert.Equal(0, await ReadAsync(bot, db => db.AgendaItems.CountAsync()));
        var before = bot.LastMessageId(Chair);
        bot.Emulator.PressButton(Chair, Chair, summary.MessageId, "g:ok");
        await bot.MessageFromCatalogueAsync(Chair, "Agenda.Added", afterMessageId: before);

        var item = await ReadAsync(bot, db => db.AgendaItems.SingleAsync());
        Assert.Equal(("The situation in Libya", 1), (item.Title, item.Position));
    }

    [Fact]
    public async Task The_time_step_names_the_zone_it_reads_and_takes_a_time_typed_with_another_zone()
    {
        var (bot, _) = await StartAsync();
        await using var _ = bot;
        await bot.AskAsync(Chair, "/timezone America/New_York");

        var day = await bot.AskAsync(Chair, "/schedule");
        var time = await PressAsync(bot, Chair, day, "Tomorrow, Tue 24 Nov");
        Assert.Contains("At what time, in America/New_York?", time.PlainText, StringComparison.Ordinal);

        var format = await bot.AskAsync(Chair, "10:00 London");
        Assert.Contains("step 3 of 4: Format", format.PlainText, StringComparison.Ordinal);
        var title = await PressAsync(bot, Chair, format, "closed");
        var summary = await bot.AskAsync(Chair, "Briefing on the Middle East");
        Assert.Contains("This sends /schedule 2026-11-24 10:00 Europe/London closed Briefing on the Middle East", summary.PlainText, StringComparison.Ordinal);
        Assert.Contains("Starts: ", summary.PlainText, StringComparison.Ordinal);
        Assert.Contains("step 4 of 4: Title", title.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_time_step_offers_to_change_the_zone_and_a_city_chosen_sets_it_and_asks_the_same_step_again()
    {
        var (bot, _) = await StartAsync();
        await using var _ = bot;
        var day = await bot.AskAsync(FraHead, "/schedule");
        var time = await PressAsync(bot, FraHead, day, "Tomorrow, Tue 24 Nov");
        Assert.Contains("At what time, in America/New_York?", time.PlainText, StringComparison.Ordinal);

        var zones = await PressAsync(bot, FraHead, time, Catalogue.Text(Languages.English, "Flow.Zone.Button"));
        Assert.Contains("Times are read in America/New_York now.", zones.PlainText, StringComparison.Ordinal);
        Assert.Contains(zones.Buttons, b => b.Text == "Europe/Paris");
        var again = await PressAsync(bot, FraHead, zones, "Europe/Paris");
        Assert.Contains("Your time zone is now Europe/Paris.", again.PlainText, StringComparison.Ordinal);
        Assert.Contains("step 2 of 4: Time", again.PlainText, StringComparison.Ordinal);
        Assert.Contains("At what time, in Europe/Paris?", again.PlainText, StringComparison.Ordinal);
        Assert.Equal("Europe/Paris", await ReadAsync(bot, db => db.People.Where(p => p.UserId == FraHead).Select(p => p.TimeZone).SingleAsync()));

        // A city typed instead of a time changes the zone too, and the time is asked again.
        var typed = await bot.AskAsync(FraHead, "Tallinn");
        Assert.Contains("At what time, in Europe/Tallinn?", typed.PlainText, StringComparison.Ordinal);
        Assert.Equal("Europe/Tallinn", await ReadAsync(bot, db => db.People.Where(p => p.UserId == FraHead).Select(p => p.TimeZone).SingleAsync()));
        var format = await PressAsync(bot, FraHead, typed, "15:00");
        Assert.Contains("step 3 of 4: Format", format.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Chinese_chair_is_offered_the_cities_by_their_Chinese_names_and_may_type_one()
    {
        var (bot, _) = await StartAsync();
        await using var _ = bot;
        await bot.AskAsync(Chair, "/language zh");

        var day = await bot.AskAsync(Chair, "/schedule");
        var zone = await PressAsync(bot, Chair, day, day.Buttons[1].Text);
        Assert.Contains(Catalogue.Text("zh", "Flow.Zone.First"), zone.PlainText, StringComparison.Ordinal);
        Assert.Contains("纽约", zone.Buttons.Select(b => b.Text));
        Assert.Contains("北京", zone.Buttons.Select(b => b.Text));
        Assert.DoesNotContain(zone.Buttons, b => b.Text.Contains('/', StringComparison.Ordinal)); // no zone ids shown

        var time = await bot.AskAsync(Chair, "北京");
        Assert.Contains("Asia/Shanghai", time.PlainText, StringComparison.Ordinal);
        Assert.Equal("Asia/Shanghai", await ReadAsync(bot, db => db.People.Where(p => p.UserId == Chair).Select(p => p.TimeZone).SingleAsync()));
    }

    [Fact]
    public async Task A_person_who_never_chose_a_zone_is_asked_it_once_and_a_bare_time_is_asked_its_zone_not_read_as_UTC()
    {
        var (bot, _) = await StartAsync();
        await using var _ = bot;
        var day = await bot.AskAsync(Chair, "/schedule");
        Assert.Null(await ReadAsync(bot, db => db.People.Where(p => p.UserId == Chair).Select(p => p.TimeZoneSetAt).SingleAsync()));
        var zone = await PressAsync(bot, Chair, day, "Tomorrow, Tue 24 Nov");
        Assert.Contains(Catalogue.Text(Languages.English, "Flow.Zone.First"), zone.PlainText, StringComparison.Ordinal);
        Assert.Contains(zone.Buttons, b => b.Text == "America/New_York");
        var bare = await bot.AskAsync(Chair, "10:00");
        Assert.Equal("In which time zone is 10:00? Tap your city above, or write the time with its city (10:00 New York).", bare.PlainText);
        var unknown = await bot.AskAsync(Chair, "Atlantis");
        Assert.Contains("Atlantis", unknown.PlainText, StringComparison.Ordinal);

        var time = await bot.AskAsync(Chair, "new york");
        Assert.Contains("At what time, in America/New_York?", time.PlainText, StringComparison.Ordinal);
        Assert.NotNull(await ReadAsync(bot, db => db.People.Where(p => p.UserId == Chair).Select(p => p.TimeZoneSetAt).SingleAsync()));

        // Asked once: the next guide goes straight to the time, in the zone chosen.
        await bot.AskAsync(Chair, "/cancel");
        var next = await bot.AskAsync(Chair, "/schedule");
        var secondTime = await PressAsync(bot, Chair, next, "Tomorrow, Tue 24 Nov");
        Assert.Contains("At what time, in America/New_York?", secondTime.PlainText, StringComparison.Ordinal);
        var format = await PressAsync(bot, Chair, secondTime, "10:00");
        await PressAsync(bot, Chair, format, "closed");
        var summary = await bot.AskAsync(Chair, "Briefing");
        Assert.Contains("This sends /schedule 2026-11-24 10:00 closed Briefing", summary.PlainText, StringComparison.Ordinal);
        Assert.Contains("15:00 UTC", summary.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setting_a_zone_with_timezone_counts_as_chosen_so_the_guide_asks_the_time_at_once()
    {
        var (bot, _) = await StartAsync();
        await using var _ = bot;
        await bot.AskAsync(Chair, "/timezone Europe/Tallinn");

        var day = await bot.AskAsync(Chair, "/schedule");
        var time = await PressAsync(bot, Chair, day, "Tomorrow, Tue 24 Nov");
        Assert.Contains("At what time, in Europe/Tallinn?", time.PlainText, StringComparison.Ordinal);
    }
}
