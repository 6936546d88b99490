using System.Text.Json;
using CoordBot.BotApi;
using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using CoordBot.Telegram.Receiving;
using CoordBot.Telegram.Routing;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoordBot.Tests.EndToEnd;

public sealed class FoundationTests
{
    [Fact]
    public async Task Start_is_answered_through_the_real_client_and_the_emulator()
    {
        await using var bot = await BotHarness.StartAsync();

        var reply = await bot.AskAsync(42, "/start");

        Assert.Contains("Welcome to CoordBot", reply.Text, StringComparison.Ordinal);
        Assert.Equal("HTML", reply.ParseMode, ignoreCase: true);
        await bot.MenusPublishedAsync();
        Assert.Contains(bot.Emulator.Commands, c => c.Command == "help");
    }

    [Fact]
    public async Task The_same_update_stored_twice_has_one_effect()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Emulator.RegisterUser(77, "Tiit");
        var update = new RawUpdate(900_001, 77, JsonSerializer.Serialize(new
        {
            update_id = 900_001,
            message = new { message_id = 5, date = 1_700_000_000, text = "/start", chat = new { id = 77, type = "private", first_name = "Tiit" }, from = new { id = 77, is_bot = false, first_name = "Tiit" } },
        }));
        var inbox = bot.Services.GetRequiredService<InboxWriter>();

        Assert.Equal(1, await inbox.StoreAsync([update], CancellationToken.None));
        Assert.Equal(0, await inbox.StoreAsync([update], CancellationToken.None));
        Assert.Contains("Welcome", (await bot.MessageStartingWithCatalogueAsync(77, "Start.Welcome")).PlainText, StringComparison.Ordinal);
        await bot.Services.GetRequiredService<InboxDispatcher>().DrainAsync(CancellationToken.None);
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);

        Assert.Single(bot.Emulator.MessagesIn(77));
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.ChatId == 77));
    }

    [Fact]
    public async Task A_throwing_handler_gets_an_apology_and_does_not_stop_the_next_update()
    {
        await using var bot = await BotHarness.StartAsync(configure: s => s.AddCommand<ExplodingHandler>());

        var apology = await bot.AskAsync(42, "/explode");
        var welcome = await bot.AskAsync(42, "/start");

        Assert.StartsWith("Sorry, something went wrong", apology.Text, StringComparison.Ordinal);
        Assert.Contains("Welcome", welcome.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Emulator.MessagesIn(42), m => m.Text!.Contains("half-done", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_429_from_telegram_is_honoured_and_the_reply_arrives_exactly_once()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Emulator.InjectFault(new EmulatorFault(Method: "sendMessage", Count: 1, Kind: FaultKind.TooManyRequests, RetryAfterSeconds: 1));

        await bot.AskAsync(42, "/start");
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);

        Assert.Single(bot.Emulator.MessagesIn(42));
        Assert.True(bot.Emulator.Stats.TooManyRequestsSent >= 1);
    }

    [Fact]
    public async Task A_malformed_update_is_skipped_and_the_receiver_goes_on()
    {
        await using var bot = await BotHarness.StartAsync();

        bot.Emulator.PostRawUpdate("""{"message":{"message_id":"not a number","chat":"nowhere"}}""");
        var reply = await bot.AskAsync(42, "/start");

        Assert.Contains("Welcome", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Updates_sent_while_the_bot_was_down_are_handled_after_a_restart()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.StopHostAsync();

        bot.Send(42, "/start");
        bot.Send(43, "/help");
        await bot.StartHostAsync();

        Assert.Contains("Welcome", (await bot.MessageStartingWithCatalogueAsync(42, "Start.Welcome")).PlainText, StringComparison.Ordinal);
        Assert.Contains("Commands you can use", (await bot.MessageStartingWithCatalogueAsync(43, "Help.Title")).PlainText, StringComparison.Ordinal);
    }

    /// <summary>A command that replies, then throws: its reply must be rolled back and an apology sent instead.</summary>
    internal sealed class ExplodingHandler : ICommandHandler
    {
        public CommandInfo Info { get; } = new("explode", "/explode", "fails on purpose") { Rule = Rules.Anyone };

        public Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
        {
            context.Reply("half-done");
            throw new InvalidOperationException("boom");
        }
    }
}
