using System.Globalization;
using System.Threading.Channels;
using CoordBot.BotApi;
using Xunit.Abstractions;
using CoordBot.Persistence;
using CoordBot.Cluster;
using CoordBot.Tests.Hardening;
using CoordBot.Telegram.Delivery;
using CoordBot.Tests.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoordBot.PostgreSql.Tests.Cluster;

/// <summary>Two active instances on one PostgreSQL database and one bot token (the emulator): the work is shared, never doubled.</summary>
[Collection(SharedServer.Name)]
public sealed class TwoInstanceTests(ITestOutputHelper output)
{
    private const int Users = 200;
    private const int PerUser = 10;

    /// <summary>
    /// How long the answers may stop coming altogether before the test gives up: a guard against a hang, not a budget
    /// for the run. The test counts the answers as they arrive, so a loaded machine makes it longer, never red.
    /// </summary>
    private static readonly TimeSpan Stall = TimeSpan.FromMinutes(2);

    [SkippableFact]
    public async Task Updates_spread_over_both_webhooks_are_each_handled_once_each_chat_in_order_and_both_instances_work()
    {
        Skip.If(PostgresServer.MissingReason is not null, PostgresServer.MissingReason);
        var firstUser = 5_000_000L;
        var answers = new Answers(firstUser);
        await using var emulator = await BotApiEmulator.StartAsync(ClusterHost.EmulatorOptions() with { MessageSent = answers.Sent });
        var settings = ClusterHost.Settings(emulator, await TestDatabase.SettingsAsync(), webhook: true);
        await using var a = await ClusterHost.StartAsync(settings);
        await using var b = await ClusterHost.StartAsync(settings);
        var hosts = new[] { a, b };
        for (var u = 0; u < Users; u++)
        {
            emulator.RegisterUser(firstUser + u, $"User{firstUser + u}");
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Each chat writes its updates one after the other, alternating between the two endpoints; the chats all at once.
        var accepted = await Task.WhenAll(Enumerable.Range(0, Users).Select(async u =>
        {
            var user = firstUser + u;
            var ok = 0;
            for (var n = 0; n < PerUser; n++)
            {
                ok += await hosts[(u + n) % 2].PostAsync(WebhookBot.Message(user, Command(user, n))) ? 1 : 0;
            }

            return ok;
        }));
        Assert.Equal(Users * PerUser, accepted.Sum());
        output.WriteLine($"stored in {clock.Elapsed}");

        // Every chat gets its ten answers, counted one by one as the emulator accepts them; then nothing more may come
        // (a second handling would add an eleventh, which the per-chat check below sees).
        await answers.CountedAsync(Users * PerUser, Stall);
        output.WriteLine($"answered in {clock.Elapsed}");
        await using (var db = await a.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None))
        {
            var inbox = await db.InboxUpdates.AsNoTracking().Where(i => i.ChatId >= firstUser).ToListAsync();
            Assert.Equal(Users * PerUser, inbox.Count);
            Assert.All(inbox, i => Assert.True(i.ProcessedAt is not null && i.Error is null, $"U{i.UpdateId}: {i.Error}"));
        }

        // One sender for both: it has sent everything, so the chats below are complete.
        var sender = Assert.Single(hosts, h => h.Election.Holds(Leadership.Sender));
        await sender.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None).WaitAsync(Stall);
        for (var u = 0; u < Users; u++)
        {
            var user = firstUser + u;
            var answered = emulator.MessagesIn(user).Select(m => Answered(user, m.Text)).ToList();
            Assert.Equal(Enumerable.Range(0, PerUser), answered);
        }

        // Telegram's limits were never exceeded, however the work was spread.
        Assert.Equal(0, emulator.Stats.TooManyRequestsSent);

        // Both instances handled updates: chats are claimed per chat, not behind one lock of the whole cluster.
        var handledBy = hosts.Select(h => h.Services.GetRequiredService<CoordBot.Telegram.Receiving.UpdateProcessor>().HandledHere).ToList();
        output.WriteLine($"handled by each instance: {string.Join(", ", handledBy)}");
        Assert.All(handledBy, n => Assert.True(n >= Users * PerUser / 10, $"An instance was hardly busy: {string.Join(", ", handledBy)} updates handled"));
    }

    /// <summary>The answers sent to this test's users, counted as the emulator accepts them (its lock held: only a count and a signal).</summary>
    private sealed class Answers(long firstUser)
    {
        private readonly Channel<long> _arrived = Channel.CreateUnbounded<long>();
        private int _count;

        public void Sent(SentMessage message)
        {
            if (message.ChatId >= firstUser)
            {
                Interlocked.Increment(ref _count);
                _arrived.Writer.TryWrite(message.ChatId);
            }
        }

        /// <summary>Completes once <paramref name="expected"/> answers have come; fails only when none comes for <paramref name="stall"/>.</summary>
        public async Task CountedAsync(int expected, TimeSpan stall)
        {
            for (var n = 0; n < expected; n++)
            {
                try
                {
                    await _arrived.Reader.ReadAsync().AsTask().WaitAsync(stall);
                }
                catch (TimeoutException)
                {
                    throw new TimeoutException($"No answer for {stall}: {Volatile.Read(ref _count)} of {expected} came.");
                }
            }
        }
    }

    /// <summary>A command the bot does not know, unique to the user and its place in the chat: the answer names it.</summary>
    private static string Command(long user, int n) => string.Create(CultureInfo.InvariantCulture, $"/u{user}n{n}");

    private static int Answered(long user, string? text)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"/u{user}n");
        var at = text?.IndexOf(prefix, StringComparison.Ordinal) ?? -1;
        Assert.True(at >= 0, $"An answer in {user}'s chat names none of their commands: {text}");
        var digits = new string(text![(at + prefix.Length)..].TakeWhile(char.IsAsciiDigit).ToArray());
        return int.Parse(digits, CultureInfo.InvariantCulture);
    }
}
