using System.Text;
using CoordBot.Features.Sessions;
using CoordBot.Scheduling;
using CoordBot.Telegram.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using static CoordBot.Tests.Sessions.SessionsTestKit;

namespace CoordBot.Tests.Sessions;

public sealed class SessionsEndToEndTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Schedule_remind_at_the_offsets_across_a_restart_then_cancel_removes_the_rest()
    {
        var (bot, clock) = await StartAsync(("Sessions:Reminders:0", "01:00:00"), ("Sessions:Reminders:1", "00:10:00"));
        await using var _ = bot;
        var scheduler = () => bot.Services.GetRequiredService<IJobScheduler>();

        var reply = await bot.AskAsync(Chair, "/schedule 2026-11-23 13:30 UTC closed 60m Situation in Libya");
        Assert.Contains("Scheduled S1", reply.PlainText, StringComparison.Ordinal);
        Assert.Contains("13:30 UTC", reply.PlainText, StringComparison.Ordinal);
        var announcement = await bot.MessageWithCatalogueAsync(EstGroup, "Sessions.Announce.Scheduled");
        Assert.Contains(announcement.Buttons, b => b.CallbackData == "att:1:y");
        await bot.MessageWithCatalogueAsync(FraHead, "Sessions.Announce.Scheduled");

        // The reminders are at start minus each configured offset.
        Assert.Equal(T0.AddMinutes(30), await scheduler().GetDueAtAsync(SessionReminders.KeyOf(1, TimeSpan.FromHours(1)), CancellationToken.None));
        Assert.Equal(T0.AddMinutes(80), await scheduler().GetDueAtAsync(SessionReminders.KeyOf(1, TimeSpan.FromMinutes(10)), CancellationToken.None));

        // The bot is down while the 1-hour reminder falls due; on restart it goes out, still meaningful.
        await bot.StopHostAsync();
        clock.SetUtcNow(T0.AddMinutes(31));
        await bot.StartHostAsync();
        var reminder = await bot.MessageWithCatalogueAsync(EstGroup, "Sessions.Reminder");
        Assert.Contains("starts in 59 minutes", reminder.PlainText, StringComparison.Ordinal);
        Assert.Contains(reminder.Buttons, b => b.CallbackData == "att:1:n");
        await bot.MessageWithCatalogueAsync(FraHead, "Sessions.Reminder");

        // The 10-minute reminder survived the restart, once: a second restart adds no duplicate and resends nothing.
        await bot.RestartHostAsync();
        var quartz = await bot.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var pending = await quartz.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(SessionReminders.GroupOf(1)));
        // Beside it, the "starting now" notice at the start (issue 24 item 7).
        Assert.Equal([SessionReminders.KeyOf(1, TimeSpan.FromMinutes(10)), SessionReminders.StartingKeyOf(1)], pending.OrderBy(k => k.Name, StringComparer.Ordinal));
        Assert.Single(Containing(bot, EstGroup, "Reminder"));

        var cancelled = await bot.AskAsync(Chair, "/cancel S1");
        Assert.Contains("Cancelled S1", cancelled.PlainText, StringComparison.Ordinal);
        await bot.MessageWithCatalogueAsync(EstGroup, "Sessions.Announce.Cancelled");
        Assert.False(await scheduler().ExistsAsync(SessionReminders.KeyOf(1, TimeSpan.FromMinutes(10)), CancellationToken.None));
        Assert.False(await scheduler().ExistsAsync(SessionReminders.StartingKeyOf(1), CancellationToken.None));
    }

    [Fact]
    public async Task A_session_at_short_notice_gets_only_the_latest_reminder_at_once_with_the_true_time_left()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;

        await bot.AskAsync(Chair, "/schedule 2026-11-23 12:05 UTC consultations Briefing on Yemen");

        var reminder = await bot.MessageWithCatalogueAsync(EstGroup, "Sessions.Reminder");
        Assert.Contains("starts in 5 minutes", reminder.PlainText, StringComparison.Ordinal);
        Assert.Single(Containing(bot, EstGroup, "Reminder"));
    }

    [Fact]
    public async Task Moving_a_session_moves_its_reminders_and_tells_everyone()
    {
        var (bot, _) = await StartAsync(("Sessions:Reminders:0", "01:00:00"));
        await using var __ = bot;
        await bot.AskAsync(Chair, "/schedule 2026-11-24 10:00 UTC open Open debate");

        var reply = await bot.AskAsync(Chair, "/reschedule 1 2026-11-25 10:00 America/New_York");

        Assert.Contains("Moved S1", reply.PlainText, StringComparison.Ordinal);
        var moved = await bot.MessageWithCatalogueAsync(FraHead, "Sessions.Announce.Moved");
        Assert.Contains("Now: Wed 25 Nov 2026 10:00 (America/New_York, UTC-05)", moved.PlainText, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.Zero), await bot.Services.GetRequiredService<IJobScheduler>().GetDueAtAsync(SessionReminders.KeyOf(1, TimeSpan.FromHours(1)), CancellationToken.None));
    }

    [Fact]
    public async Task Dst_a_session_set_for_10_in_New_York_after_the_change_is_10_in_New_York()
    {
        var (bot, _) = await StartAtAsync(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var __ = bot;

        var reply = await bot.AskAsync(Chair, "/schedule 2026-03-09 10:00 America/New_York open Children and armed conflict");
        var seen = await bot.AskWithCatalogueAsync(FraHead, "/session S1", "Sessions.SetIn");
        var seenInTallinn = await bot.AskAsync(EstAdviser, "/session S1");

        Assert.Contains("14:00 UTC", reply.PlainText, StringComparison.Ordinal);
        Assert.Contains("Mon 9 Mar 2026 10:00 (America/New_York, UTC-04)", seen.PlainText, StringComparison.Ordinal);
        Assert.Contains("Mon 9 Mar 2026 16:00 (Europe/Tallinn, UTC+02)", seenInTallinn.PlainText, StringComparison.Ordinal);
        var stored = await ReadAsync(bot, db => db.Sessions.SingleAsync());
        Assert.Equal(new DateTime(2026, 3, 9, 14, 0, 0), stored.StartUtc);
        Assert.Equal("America/New_York", stored.ZoneId);
    }

    [Fact]
    public async Task Bad_input_is_explained_and_creates_nothing()
    {
        var (bot, _) = await StartAtAsync(new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.Zero));
        await using var __ = bot;

        Assert.Contains("in the past", (await bot.AskAsync(Chair, "/schedule 2025-12-01 10:00 UTC closed Libya")).PlainText, StringComparison.Ordinal);
        Assert.Contains("\"2026-02-30\" is not a date", (await bot.AskAsync(Chair, "/schedule 2026-02-30 10:00 UTC closed Libya")).PlainText, StringComparison.Ordinal);
        Assert.Contains("don't know the time zone \"Mars/Olympus\"", (await bot.AskAsync(Chair, "/schedule 2026-02-10 10:00 Mars/Olympus closed Libya")).PlainText, StringComparison.Ordinal);
        Assert.Contains("unknown format \"briefing\"", (await bot.AskAsync(Chair, "/schedule 2026-02-10 10:00 UTC briefing Libya")).PlainText, StringComparison.Ordinal);
        Assert.Contains("does not exist in America/New_York", (await bot.AskAsync(Chair, "/schedule 2026-03-08 02:30 America/New_York closed Libya")).PlainText, StringComparison.Ordinal);
        Assert.Contains("There is no session S42", (await bot.AskAsync(EstHead, "/session S42")).PlainText, StringComparison.Ordinal);
        Assert.Contains("not a session id", (await bot.AskAsync(EstHead, "/cancel X1")).PlainText, StringComparison.Ordinal);
        Assert.Contains("There is no session S7", (await bot.AskAsync(Chair, "/reschedule 7 2026-02-10 10:00")).PlainText, StringComparison.Ordinal);
        Assert.Contains("presidency", (await bot.AskAsync(FraHead, "/schedule 2026-02-10 10:00 UTC closed Libya")).PlainText, StringComparison.Ordinal);
        Assert.Contains("head of delegation or deputy", (await bot.AskAsync(FraAdviser, "/schedule 2026-02-10 10:00 UTC arria Libya")).PlainText, StringComparison.Ordinal);

        Assert.Equal(0, await SessionCountAsync(bot));
        Assert.Empty(bot.Emulator.MessagesIn(EstGroup));
    }

    [Fact]
    public async Task Arria_is_convened_by_a_head_observers_see_only_arria_and_attendance_is_the_delegations_own()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        await bot.AskAsync(Chair, "/schedule 2026-11-30 15:00 UTC closed Syria");
        var arria = await bot.AskWithCatalogueAsync(FraHead, "/schedule 2026-12-01 15:00 Europe/Paris arria 90m Climate and security", "Sessions.Scheduled");
        Assert.Contains("Scheduled S2", arria.PlainText, StringComparison.Ordinal);

        var observerList = await bot.AskAsync(EstObserver, "/sessions");
        Assert.Contains("Climate and security", observerList.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Syria", observerList.PlainText, StringComparison.Ordinal);
        Assert.Contains("There is no session S1", (await bot.AskAsync(EstObserver, "/session S1")).PlainText, StringComparison.Ordinal);
        Assert.Contains("convened by France", (await bot.AskAsync(EstObserver, "/session S2")).PlainText, StringComparison.Ordinal);

        // The convenor may cancel its own Arria meeting; another head may not, nor may it touch the chair's session.
        Assert.Contains("Only the chair or the convenor", (await bot.AskAsync(EstHead, "/cancel S2")).PlainText, StringComparison.Ordinal);
        // Once every notice has gone, the next message in France's chat is the answer.
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);
        Assert.Contains("Only the chair", (await bot.AskAsync(FraHead, "/cancel S1")).PlainText, StringComparison.Ordinal);

        // Answers: by command, and by the announcement's button in the group, always for the presser's own delegation.
        Assert.StartsWith("Noted: France attends S1", (await bot.AskStartingWithCatalogueAsync(FraHead, "/attend S1 yes", "Sessions.NotedAttends")).PlainText, StringComparison.Ordinal);
        Assert.Contains("Only the head of delegation or the deputy", (await bot.AskWithCatalogueAsync(FraAdviser, "/attend S1 no", "Sessions.Refusal.NotHeadOrDeputy")).PlainText, StringComparison.Ordinal);
        var announcement = await bot.MessageWithCatalogueAsync(EstGroup, "Sessions.Announce.Scheduled");
        bot.Emulator.PressButton(EstGroup, EstHead, announcement.MessageId, "att:1:n");
        Assert.Contains("Estonia does not attend S1", (await bot.MessageWithCatalogueAsync(EstGroup, "Sessions.NotedDeclines", afterMessageId: announcement.MessageId)).PlainText, StringComparison.Ordinal);

        var list = await bot.AskWithCatalogueAsync(FraHead, "/sessions", "Sessions.ListTitle");
        Assert.Contains("Upcoming sessions", list.PlainText, StringComparison.Ordinal);
        Assert.Contains("Your delegation: attends", list.PlainText, StringComparison.Ordinal);
        var details = await bot.AskWithCatalogueAsync(FraAdviser, "/session 1", "Sessions.SetIn");
        Assert.Contains("Attending: FRA; not attending: EST; not answered: 13", details.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ics_carries_the_utc_instant()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        await bot.AskAsync(Chair, "/schedule 2026-12-01 10:00 America/New_York open 90m Non-proliferation");

        bot.Send(FraAdviser, "/ics S1");
        var file = await bot.ReplyAsync(FraAdviser, m => m.DocumentName is not null);

        Assert.Equal("S1.ics", file.DocumentName);
        var ics = Encoding.UTF8.GetString(file.DocumentContent!);
        Assert.Contains("BEGIN:VEVENT", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261201T150000Z", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND:20261201T163000Z", ics, StringComparison.Ordinal);
        Assert.Contains("S1 Non-proliferation", ics, StringComparison.Ordinal);
    }
}
