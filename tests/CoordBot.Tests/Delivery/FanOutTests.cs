using CoordBot.BotApi;
using CoordBot.Persistence;
using CoordBot.Telegram;
using CoordBot.Telegram.Delivery;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoordBot.Tests.Delivery;

/// <summary>Fan-outs through the real host, client and emulator: faults, a stop and a crash in the middle.</summary>
public sealed class FanOutTests
{
    private const int PerChat = 3;
    private static readonly long[] Groups = Enumerable.Range(1, 10).Select(i => -1_000_000L - i).ToArray();
    private static readonly long[] Users = Enumerable.Range(1, 10).Select(i => 5_000L + i).ToArray();
    private static readonly long[] Chats = [.. Groups, .. Users];

    /// <summary>Fast limits on both sides, enforced by the emulator, so a test takes seconds.</summary>
    private static Dictionary<string, string?> FastLimits(double globalPerSecond = 1000) => new()
    {
        ["Delivery:GlobalPerSecond"] = globalPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Delivery:PrivatePerSecond"] = "100",
        ["Delivery:PrivateBurst"] = "3",
        ["Delivery:GroupPerMinute"] = "6000",
    };

    private static BotApiEmulatorOptions EmulatorLimits() => new()
    {
        EnforceLimits = true,
        GlobalPerSecond = 1000,
        PrivatePerSecond = 100,
        PrivateBurst = 3,
        GroupPerMinute = 6000,
    };

    private static string TextFor(long chat, int n) => $"Draft S/2020/{Math.Abs(chat)} part {n}";

    private static async Task QueueFanOutAsync(BotHarness bot)
    {
        foreach (var group in Groups)
        {
            bot.Emulator.RegisterGroup(group, $"Group {group}");
        }

        foreach (var user in Users)
        {
            bot.Emulator.RegisterUser(user, $"User{user}");
        }

        var now = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await bot.Services.GetRequiredService<UnitOfWork>().RunAsync((db, _) =>
        {
            var outbox = new Outbox(db, now);
            for (var n = 1; n <= PerChat; n++)
            {
                foreach (var chat in Chats)
                {
                    outbox.Send(chat, TextFor(chat, n));
                }
            }

            return Task.CompletedTask;
        }, CancellationToken.None);
    }

    private static async Task WaitForAllAsync(BotHarness bot)
    {
        foreach (var chat in Chats)
        {
            await bot.Emulator.WaitForMessageAsync(chat, m => m.Text == TextFor(chat, PerChat), BotHarness.Patience);
        }
    }

    /// <summary>Per chat: the indices of the parts in the order they arrived.</summary>
    private static Dictionary<long, List<int>> Arrivals(BotHarness bot) => Chats.ToDictionary(
        chat => chat,
        chat => bot.Emulator.MessagesIn(chat).Select(m => int.Parse(m.Text!.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToList());

    private static async Task AssertAllSentAsync(BotHarness bot)
    {
        // The emulator shows a message before the bot has recorded it: let the delivery settle first.
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => Chats.Contains(m.ChatId)).ToListAsync();
        Assert.Equal(Chats.Length * PerChat, rows.Count);
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Sent, r.Status));
        Assert.All(rows, r => Assert.Null(r.ClaimedAt));
    }

    [Fact]
    public async Task Injected_429s_and_5xx_during_a_fan_out_still_deliver_every_message_exactly_once_in_order()
    {
        await using var bot = await BotHarness.StartAsync(FastLimits(), EmulatorLimits());
        bot.Emulator.InjectFault(new EmulatorFault("sendMessage", 3, FaultKind.TooManyRequests, RetryAfterSeconds: 1));
        bot.Emulator.InjectFault(new EmulatorFault("sendMessage", 3, FaultKind.ServerError));
        bot.Emulator.InjectFault(new EmulatorFault("sendMessage", 2, FaultKind.BadGateway));
        bot.Emulator.InjectFault(new EmulatorFault("sendMessage", 1, FaultKind.DropConnection));
        bot.Emulator.InjectFault(new EmulatorFault("sendMessage", 2, FaultKind.TooManyRequests, RetryAfterSeconds: 1, ChatId: Groups[3]));

        await QueueFanOutAsync(bot);
        await WaitForAllAsync(bot);
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);

        Assert.All(Arrivals(bot), a => Assert.Equal([1, 2, 3], a.Value));
        Assert.Equal(11, bot.Emulator.Stats.FaultsInjected);
        await AssertAllSentAsync(bot);
    }

    [Fact]
    public async Task A_chat_waiting_for_its_own_limit_does_not_hold_back_the_others()
    {
        // One group with a long sequence at 20 per minute must not delay the single messages to everyone else.
        var settings = FastLimits();
        settings["Delivery:GroupPerMinute"] = "20";
        await using var bot = await BotHarness.StartAsync(settings, EmulatorLimits() with { GroupPerMinute = 20 });
        bot.Emulator.RegisterGroup(-77, "Busy group");
        foreach (var user in Users)
        {
            bot.Emulator.RegisterUser(user, $"User{user}");
        }

        var now = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await bot.Services.GetRequiredService<UnitOfWork>().RunAsync((db, _) =>
        {
            var outbox = new Outbox(db, now);
            for (var n = 1; n <= 25; n++)
            {
                outbox.Send(-77, $"busy {n}");
            }

            foreach (var user in Users)
            {
                outbox.Send(user, "hello");
            }

            return Task.CompletedTask;
        }, CancellationToken.None);

        foreach (var user in Users)
        {
            await bot.Emulator.WaitForMessageAsync(user, m => m.Text == "hello", TimeSpan.FromSeconds(5));
        }

        await bot.Emulator.WaitForMessageAsync(-77, m => m.Text == "busy 20", TimeSpan.FromSeconds(5));
        Assert.Equal(20, bot.Emulator.MessagesIn(-77).Count);
        Assert.Equal(0, bot.Emulator.Stats.TooManyRequestsSent);
    }

    [Fact]
    public async Task A_host_stopped_mid_fan_out_and_started_again_delivers_the_rest_without_duplicates()
    {
        var gate = new SendGate(after: 20);
        await using var bot = await BotHarness.StartAsync(FastLimits(globalPerSecond: 100), EmulatorLimits(), services => gate.Install(services));

        await QueueFanOutAsync(bot);
        await gate.Reached.WaitAsync(BotHarness.Patience);
        await bot.StopHostAsync();
        var beforeRestart = bot.Emulator.Stats.SendsAccepted;
        await bot.StartHostAsync();
        await WaitForAllAsync(bot);

        Assert.InRange(beforeRestart, 20, Chats.Length * PerChat - 1);
        Assert.All(Arrivals(bot), a => Assert.Equal([1, 2, 3], a.Value));
        Assert.Equal(0, bot.Services.GetRequiredService<DeliveryStatus>().RecoveredInFlight);
        await AssertAllSentAsync(bot);
    }

    [Fact]
    public async Task A_delivery_killed_mid_fan_out_resends_at_most_what_was_in_flight_and_loses_nothing()
    {
        var gate = new SendGate(after: 20);
        await using var bot = await BotHarness.StartAsync(FastLimits(globalPerSecond: 100), EmulatorLimits(), services => gate.Install(services));

        await QueueFanOutAsync(bot);
        await gate.Reached.WaitAsync(BotHarness.Patience);
        // A crash: the delivery dies where it stands, writing nothing more; the host goes down after it.
        var first = bot.Services.GetRequiredService<DeliveryService>();
        first.Dispose();
        await bot.StopHostAsync();
        await bot.StartHostAsync();
        await WaitForAllAsync(bot);

        var recovered = bot.Services.GetRequiredService<DeliveryStatus>().RecoveredInFlight;
        var arrivals = Arrivals(bot);
        var duplicates = arrivals.Values.Sum(a => a.Count - a.Distinct().Count());
        Assert.True(duplicates <= recovered, $"{duplicates} duplicates, but only {recovered} messages were in flight");
        Assert.True(recovered <= FastLimitsMaxConcurrency, $"{recovered} in flight");
        Assert.All(arrivals, a =>
        {
            Assert.Equal([1, 2, 3], a.Value.Distinct());
            Assert.Equal(a.Value.Order(), a.Value);
        });
        await AssertAllSentAsync(bot);
    }

    private const int FastLimitsMaxConcurrency = 32;

    /// <summary>Wraps the real sender and signals once <c>after</c> sends have succeeded.</summary>
    private sealed class SendGate(int after)
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly int _after = after;
        private int _sent;

        public Task Reached => _reached.Task;

        public void Install(IServiceCollection services) =>
            services.AddSingleton<IBotSender>(sp => new Counting(
                new TelegramBotSender(sp.GetRequiredService<BotConnection>(), sp.GetRequiredService<IOptions<DeliveryOptions>>()),
                this));

        private sealed class Counting(IBotSender inner, SendGate gate) : IBotSender
        {
            public async Task<int?> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
            {
                var id = await inner.SendAsync(message, cancellationToken);
                if (Interlocked.Increment(ref gate._sent) == gate._after)
                {
                    gate._reached.TrySetResult();
                }

                return id;
            }
        }
    }
}
