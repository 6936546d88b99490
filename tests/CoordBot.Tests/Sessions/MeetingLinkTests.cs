using System.Text;
using CoordBot.Features.Sessions;
using CoordBot.Scheduling;
using CoordBot.Telegram.Delivery;
using Microsoft.Extensions.DependencyInjection;
using static CoordBot.Tests.Sessions.SessionsTestKit;

namespace CoordBot.Tests.Sessions;

/// <summary>Issue 24 item 7: a session's meeting link, set by the chair, shown wherever the session is, and given again at the start.</summary>
public sealed class MeetingLinkTests
{
    private const string Link = "https://meet.example.org/council-s1";

    [Fact]
    public async Task Only_the_chair_sets_it_and_only_an_https_link_is_taken()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        await bot.AskAsync(Chair, "/schedule 2026-11-30 15:00 UTC closed Middle East");

        Assert.Equal(
            "A meeting link must be a whole https address (beginning with https://), for example /meeting_link S3 https://meet.example.org/council-s3. Nothing was changed.",
            (await bot.AskAsync(Chair, "/meeting_link S1 http://meet.example.org/council-s1")).PlainText);
        Assert.Contains("https address", (await bot.AskAsync(Chair, "/meeting_link S1 javascript:alert(1)")).PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Meeting link", (await bot.AskAsync(EstAdviser, "/session S1")).PlainText, StringComparison.Ordinal);
        var refused = await bot.AskAsync(EstAdviser, $"/meeting_link S1 {Link}");
        Assert.DoesNotContain("is now", refused.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Meeting link", (await bot.AskAsync(EstAdviser, "/session S1")).PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_link_is_told_and_shown_in_the_session_the_reminders_and_the_calendar_file()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        await bot.AskAsync(Chair, "/schedule 2026-11-30 15:00 UTC closed Middle East");

        var done = await bot.AskAsync(Chair, $"/meeting_link S1 {Link}");
        Assert.StartsWith($"The meeting link of S1 is now {Link}.", done.PlainText, StringComparison.Ordinal);
        var told = await bot.MessageWithCatalogueAsync(EstGroup, "MeetingLink.Notice");
        Assert.True(told.PlainText!.Contains($"Middle East (closed VTC, 120 min): the meeting link is {Link}\nStarts: ", StringComparison.Ordinal), told.PlainText);

        Assert.Contains($"\nMeeting link: {Link}\n", (await bot.AskWithCatalogueAsync(FraAdviser, "/session S1", "Sessions.SetIn")).PlainText, StringComparison.Ordinal);
        bot.Send(FraAdviser, "/ics S1");
        var file = await bot.ReplyAsync(FraAdviser, m => m.DocumentName is not null);
        var ics = Encoding.UTF8.GetString(file.DocumentContent!);
        Assert.Contains($"URL:{Link}", ics, StringComparison.Ordinal);
        Assert.Contains($"LOCATION:{Link}", ics, StringComparison.Ordinal);

        await using (var scope = bot.Services.CreateAsyncScope())
        {
            Assert.Equal("sent", await scope.ServiceProvider.GetRequiredService<SessionReminderJob>().RunAsync(1, TimeSpan.FromDays(1), new DateTime(2026, 11, 30, 15, 0, 0, DateTimeKind.Utc), CancellationToken.None));
        }

        var reminder = await bot.MessageWithCatalogueAsync(EstGroup, "Sessions.Reminder");
        Assert.StartsWith("Reminder", reminder.PlainText, StringComparison.Ordinal);
        Assert.Contains($"\nMeeting link: {Link}\n", reminder.PlainText, StringComparison.Ordinal);

        await bot.AskAsync(Chair, "/reschedule S1 2026-11-30 16:00 UTC");
        var moved = await bot.MessageStartingWithCatalogueAsync(EstGroup, "Sessions.Announce.Moved");
        Assert.StartsWith("Session moved", moved.PlainText, StringComparison.Ordinal);
        Assert.Contains($"\nMeeting link: {Link}\n", moved.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_now_with_the_link_goes_at_the_start_once_across_a_restart_and_never_for_a_cancelled_session()
    {
        var (bot, clock) = await StartAsync();
        await using var __ = bot;
        await bot.AskAsync(Chair, "/schedule 2026-11-23 14:00 UTC closed 60m Middle East");
        await bot.AskAsync(Chair, $"/meeting_link S1 {Link}");
        await bot.AskAsync(Chair, "/schedule 2026-11-23 15:00 UTC closed 60m Yemen");
        await bot.AskAsync(Chair, $"/meeting_link S2 {Link}");
        await bot.AskAsync(Chair, "/cancel S2");
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);

        // The job is Quartz's, kept in its store: still there after a restart.
        await bot.RestartHostAsync();
        Assert.True(await bot.Services.GetRequiredService<IJobScheduler>().ExistsAsync(SessionReminders.StartingKeyOf(1), CancellationToken.None));
        Assert.False(await bot.Services.GetRequiredService<IJobScheduler>().ExistsAsync(SessionReminders.StartingKeyOf(2), CancellationToken.None));

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero));
        var starting = await bot.MessageWithCatalogueAsync(EstGroup, "MeetingLink.StartingNow");
        Assert.Equal($"S1 Middle East (closed VTC, 60 min) is starting now.\nJoin: {Link}", starting.PlainText);
        Assert.Equal(starting.PlainText, (await bot.MessageWithCatalogueAsync(FraHead, "MeetingLink.StartingNow")).PlainText);

        // Once: a second firing finds it sent; a cancelled session's notice never goes.
        await using var scope = bot.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<StartingNoticeJob>();
        Assert.Equal("already sent", await job.RunAsync(1, new DateTime(2026, 11, 23, 14, 0, 0, DateTimeKind.Utc), CancellationToken.None));
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));
        Assert.Equal("gone", await job.RunAsync(2, new DateTime(2026, 11, 23, 15, 0, 0, DateTimeKind.Utc), CancellationToken.None));
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);
        Assert.Single(Containing(bot, EstGroup, "is starting now"));
    }
}
