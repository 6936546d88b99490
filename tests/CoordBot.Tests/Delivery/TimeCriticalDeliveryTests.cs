using CoordBot.BotApi;
using CoordBot.Persistence;
using CoordBot.Telegram;
using CoordBot.Telegram.Delivery;
using CoordBot.Telegram.Rendering;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static CoordBot.Tests.Sessions.SessionsTestKit;

namespace CoordBot.Tests.Delivery;

/// <summary>
/// Through the real host, client and emulator: a pressed button is answered at once even behind a long
/// backlog in its chat, and a reminder whose session has begun is dropped, not delivered late.
/// </summary>
public sealed class TimeCriticalDeliveryTests
{
    [Fact]
    public async Task A_button_press_is_answered_while_its_group_still_waits_for_its_limit()
    {
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var settings = new Dictionary<string, string?> { ["Delivery:GroupPerMinute"] = "20" };
        await using var bot = await BotHarness.StartAsync(
            settings,
            new BotApiEmulatorOptions { EnforceLimits = true, GroupPerMinute = 20 },
            services => services.AddSingleton<IBotSender>(sp => new AnswerWatch(
                new TelegramBotSender(sp.GetRequiredService<BotConnection>(), sp.GetRequiredService<IOptions<DeliveryOptions>>()), answered)));
        const long group = -4242;
        bot.Emulator.RegisterGroup(group, "Busy group");
        bot.Emulator.RegisterUser(777, "Presser");
        var now = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await bot.Services.GetRequiredService<UnitOfWork>().RunAsync((db, _) =>
        {
            var outbox = new Outbox(db, now);
            outbox.Send(group, "busy 1", [[new Button("Press", "zz:1")]]);
            for (var n = 2; n <= 40; n++)
            {
                outbox.Send(group, $"busy {n}");
            }

            return Task.CompletedTask;
        }, CancellationToken.None);
        var first = await bot.Emulator.WaitForMessageAsync(group, m => m.Text == "busy 1", BotHarness.Patience);

        bot.Emulator.PressButton(group, 777, first.MessageId, "zz:1");
        await answered.Task.WaitAsync(BotHarness.Patience);

        // Answered while twenty of the group's messages still wait for the next minute.
        Assert.InRange(bot.Emulator.MessagesIn(group).Count, 1, 20);
        Assert.Single(bot.Emulator.CallbackAnswers);
    }

    [Fact]
    public async Task A_reminder_overtaken_by_its_session_is_dropped_with_the_reason_and_the_chat_goes_on()
    {
        var (bot, clock) = await StartAsync();
        await using var _ = bot;
        var start = T0.UtcDateTime.AddHours(1);

        // Written two minutes before the start, reached by the delivery only after it (a backlog, a restart).
        clock.SetUtcNow(start + TimeSpan.FromSeconds(30));
        await bot.Services.GetRequiredService<UnitOfWork>().RunAsync((db, _) =>
        {
            new Outbox(db, start.AddMinutes(-2)) { NotAfter = start }.Send(EstGroup, "Reminder: starts in 2 minutes");
            new Outbox(db, start.AddMinutes(-2)).Send(EstGroup, "after the session began");
            return Task.CompletedTask;
        }, CancellationToken.None);
        await bot.Emulator.WaitForMessageAsync(EstGroup, m => m.Text == "after the session began", BotHarness.Patience);
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);

        Assert.Empty(Containing(bot, EstGroup, "starts in 2 minutes"));
        var row = await ReadAsync(bot, db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Text == "Reminder: starts in 2 minutes"));
        Assert.Equal(OutboxStatus.Expired, row.Status);
        Assert.Contains("its moment passed", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reminder_is_worthless_after_its_session_begins()
    {
        var (bot, clock) = await StartAsync();
        await using var _ = bot;
        var start = T0.UtcDateTime.AddDays(1);
        var id = await InsertSessionAsync(bot, start);
        clock.SetUtcNow(start - TimeSpan.FromMinutes(10));

        await using (var scope = bot.Services.CreateAsyncScope())
        {
            Assert.Equal("sent", await scope.ServiceProvider.GetRequiredService<CoordBot.Features.Sessions.SessionReminderJob>().RunAsync(id, TimeSpan.FromMinutes(10), start, CancellationToken.None));
        }

        var reminders = await ReadAsync(bot, db => db.OutboxMessages.AsNoTracking().Where(m => m.Text!.Contains("Reminder")).ToListAsync());
        Assert.NotEmpty(reminders);
        Assert.All(reminders, r => Assert.Equal(start, r.NotAfter));
    }

    /// <summary>Wraps the real sender and signals when a button answer has been accepted by Telegram.</summary>
    private sealed class AnswerWatch(IBotSender inner, TaskCompletionSource answered) : IBotSender
    {
        public async Task<int?> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            var id = await inner.SendAsync(message, cancellationToken);
            if (message.Kind == OutboxKind.AnswerCallback)
            {
                answered.TrySetResult();
            }

            return id;
        }
    }
}
