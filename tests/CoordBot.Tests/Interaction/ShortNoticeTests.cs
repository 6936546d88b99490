using CoordBot.Features.Sessions;
using CoordBot.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoordBot.Tests.Sessions.SessionsTestKit;

namespace CoordBot.Tests.Interaction;

/// <summary>Item 6 of issue 14: an announcement is not followed at once by a "reminder" of it.</summary>
public sealed class ShortNoticeTests
{
    [Fact]
    public async Task A_session_two_hours_away_gets_one_announcement_and_no_immediate_reminder()
    {
        var (bot, _) = await StartAsync(); // reminders at 24 h, 1 h and 10 min
        await using var __ = bot;

        var reply = await bot.AskAsync(Chair, "/schedule 2026-11-23 14:00 UTC closed Situation in Libya");
        Assert.Contains("Scheduled S1", reply.PlainText, StringComparison.Ordinal);
        Assert.Contains("New session", (await bot.MessageWithCatalogueAsync(EstGroup, "Sessions.Announce.Scheduled")).PlainText, StringComparison.Ordinal);

        // The 24-hour reminder fell due before the announcement: no job for it, so nothing fires now;
        // the 1-hour and 10-minute ones are still to come at their times.
        var scheduler = bot.Services.GetRequiredService<IJobScheduler>();
        Assert.False(await scheduler.ExistsAsync(SessionReminders.KeyOf(1, TimeSpan.FromDays(1)), CancellationToken.None));
        Assert.Equal(T0.AddHours(1), await scheduler.GetDueAtAsync(SessionReminders.KeyOf(1, TimeSpan.FromHours(1)), CancellationToken.None));
        Assert.Equal(T0.AddMinutes(110), await scheduler.GetDueAtAsync(SessionReminders.KeyOf(1, TimeSpan.FromMinutes(10)), CancellationToken.None));

        // A later message to the group is delivered after anything queued before it: still one announcement, no reminder.
        Assert.Contains("Situation in Libya", (await bot.AskWithCatalogueAsync(EstHead, "/session S1", "Sessions.SetIn", EstGroup)).PlainText, StringComparison.Ordinal);
        Assert.Single(Containing(bot, EstGroup, "New session"));
        Assert.Empty(Containing(bot, EstGroup, "Reminder"));
        Assert.Equal(0, await ReadAsync(bot, db => db.SessionRemindersSent.CountAsync()));
    }

    [Fact]
    public async Task A_session_moved_to_short_notice_gets_no_immediate_reminder_either()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        await bot.AskAsync(Chair, "/schedule 2026-11-30 10:00 UTC closed Situation in Libya");

        var moved = await bot.AskAsync(Chair, "/reschedule S1 2026-11-23 14:00 UTC");

        Assert.Contains("Moved S1", moved.PlainText, StringComparison.Ordinal);
        var scheduler = bot.Services.GetRequiredService<IJobScheduler>();
        Assert.False(await scheduler.ExistsAsync(SessionReminders.KeyOf(1, TimeSpan.FromDays(1)), CancellationToken.None));
        Assert.True(await scheduler.ExistsAsync(SessionReminders.KeyOf(1, TimeSpan.FromHours(1)), CancellationToken.None));
        Assert.Contains("Situation in Libya", (await bot.AskWithCatalogueAsync(EstHead, "/session S1", "Sessions.SetIn", EstGroup)).PlainText, StringComparison.Ordinal);
        Assert.Empty(Containing(bot, EstGroup, "Reminder"));
    }
}
