using CoordBot.BotApi;
using CoordBot.Features.Sessions;
using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoordBot.Tests.Sessions.SessionsTestKit;

namespace CoordBot.Tests.Sessions;

/// <summary>The reminder job's decisions on a controlled clock: no sleeping, the job's work is run directly.</summary>
public sealed class SessionReminderJobTests
{
    private static readonly DateTime Start = T0.UtcDateTime.AddDays(2);

    private static async Task<string> RunJobAsync(Support.BotHarness bot, long sessionId, TimeSpan offset, DateTime? startUtc = null)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<SessionReminderJob>().RunAsync(sessionId, offset, startUtc ?? Start, CancellationToken.None);
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);
        return outcome;
    }

    [Fact]
    public async Task On_time_it_reminds_groups_and_private_members_once_with_the_agenda_and_buttons()
    {
        var (bot, clock) = await StartAsync();
        await using var _ = bot;
        var id = await InsertSessionAsync(bot, Start);
        clock.SetUtcNow(Start - TimeSpan.FromHours(1));

        Assert.Equal("sent", await RunJobAsync(bot, id, TimeSpan.FromHours(1)));
        Assert.Equal("already sent", await RunJobAsync(bot, id, TimeSpan.FromHours(1)));

        var group = Assert.Single(Reminders(bot, EstGroup));
        Assert.StartsWith("Reminder: ", group.PlainText, StringComparison.Ordinal);
        Assert.Contains("starts in 1 hour", group.PlainText, StringComparison.Ordinal);
        Assert.Contains("Agenda: none yet", group.PlainText, StringComparison.Ordinal);
        Assert.Contains(group.Buttons, b => b.CallbackData == $"att:{id}:y");
        var french = Assert.Single(Reminders(bot, FraHead));
        Assert.Contains("America/New_York", french.PlainText, StringComparison.Ordinal); // a private reader sees their own zone
        Assert.Single(Reminders(bot, FraAdviser));
        Assert.Empty(Reminders(bot, EstHead)); // Estonia has a group: not privately as well
    }

    [Fact]
    public async Task A_reminder_shows_the_delegations_answer_on_its_buttons()
    {
        var (bot, clock) = await StartAsync();
        await using var _ = bot;
        var id = await InsertSessionAsync(bot, Start);
        clock.SetUtcNow(Start - TimeSpan.FromHours(1));
        await bot.AskAsync(FraHead, $"/attend S{id} yes");

        Assert.Equal("sent", await RunJobAsync(bot, id, TimeSpan.FromHours(1)));

        var french = Assert.Single(Reminders(bot, FraHead));
        Assert.Equal(["✓ We attend", "We do not attend"], french.Buttons.Select(b => b.Text));
        var estonian = Assert.Single(Reminders(bot, EstGroup));
        Assert.Equal(["We attend", "We do not attend"], estonian.Buttons.Select(b => b.Text));
    }

    [Fact]
    public async Task After_the_start_a_missed_reminder_is_dropped()
    {
        var (bot, clock) = await StartAsync();
        await using var _ = bot;
        var id = await InsertSessionAsync(bot, Start);
        clock.SetUtcNow(Start.AddMinutes(1));

        Assert.Equal("stale", await RunJobAsync(bot, id, TimeSpan.FromMinutes(10)));
        Assert.Empty(Reminders(bot, EstGroup));
    }

    [Fact]
    public async Task A_late_reminder_overtaken_by_a_later_one_is_dropped_and_the_later_one_says_the_true_time_left()
    {
        var (bot, clock) = await StartAsync();
        await using var _ = bot;
        var id = await InsertSessionAsync(bot, Start);
        clock.SetUtcNow(Start - TimeSpan.FromMinutes(7)); // the bot was down through both the 1-hour and the 10-minute reminders

        Assert.Equal("stale", await RunJobAsync(bot, id, TimeSpan.FromHours(1)));
        Assert.Equal("sent", await RunJobAsync(bot, id, TimeSpan.FromMinutes(10)));

        var reminder = Assert.Single(Reminders(bot, EstGroup));
        Assert.Contains("starts in 7 minutes", reminder.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_or_moved_session_is_not_reminded_by_a_stale_job()
    {
        var (bot, clock) = await StartAsync();
        await using var _ = bot;
        var cancelled = await InsertSessionAsync(bot, Start);
        var moved = await InsertSessionAsync(bot, Start.AddHours(3));
        await bot.Services.GetRequiredService<UnitOfWork>().RunAsync(async (db, ct) =>
        {
            (await db.Sessions.SingleAsync(s => s.Id == cancelled, ct)).CancelledAt = T0.UtcDateTime;
        }, CancellationToken.None);
        clock.SetUtcNow(Start - TimeSpan.FromHours(1));

        Assert.Equal("gone", await RunJobAsync(bot, cancelled, TimeSpan.FromHours(1)));
        Assert.Equal("moved", await RunJobAsync(bot, moved, TimeSpan.FromHours(1), Start));
        Assert.Equal("gone", await RunJobAsync(bot, 999, TimeSpan.FromHours(1)));
        Assert.Empty(Reminders(bot, EstGroup));
    }

    [Fact]
    public async Task A_delegation_that_will_not_attend_gets_no_reminder()
    {
        var (bot, clock) = await StartAsync();
        await using var _ = bot;
        var id = await InsertSessionAsync(bot, Start);
        await bot.Services.GetRequiredService<UnitOfWork>().RunAsync((db, _) =>
        {
            db.SessionAttendances.Add(new SessionAttendance { SessionId = id, DelegationCode = "FRA", Attends = false, AnsweredBy = FraHead, AnsweredAt = T0.UtcDateTime });
            return Task.CompletedTask;
        }, CancellationToken.None);
        clock.SetUtcNow(Start - TimeSpan.FromDays(1));

        Assert.Equal("sent", await RunJobAsync(bot, id, TimeSpan.FromDays(1)));
        Assert.Single(Containing(bot, EstGroup, "starts in 1 day"));
        Assert.Empty(Reminders(bot, FraHead));
    }

    /// <summary>The session reminders in <paramref name="chat"/>, by their catalogue entry: a count of none cannot pass merely because the words changed.</summary>
    private static List<SentMessage> Reminders(BotHarness bot, long chat) =>
        [.. bot.Emulator.MessagesIn(chat).Where(m => CatalogueText.Contains("en", "Sessions.Reminder", m.Text))];
}
