using System.Collections.Concurrent;
using System.Text.Json;
using CoordBot.Features.Delegations;
using CoordBot.Persistence;
using CoordBot.Telegram.Receiving;
using CoordBot.Telegram.Routing;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoordBot.Tests.Receiving;

/// <summary>Group commit of updates: many updates in one transaction, each isolated by a savepoint.</summary>
public sealed class BatchProcessingTests
{
    private static long _nextUpdateId = 910_000;

    [Fact]
    public async Task A_throwing_handler_is_rolled_back_alone_and_the_rest_of_its_batch_commits()
    {
        await using var bot = await BotHarness.StartAsync(configure: AddTestCommands);
        var batches = RecordBatches(bot);
        var updates = new[]
        {
            Update(501, "/note a1"),
            Update(502, "/fail b1"),
            Update(501, "/note a2"),
            Update(503, "/note c1"),
        };

        await StoreAsync(bot, updates);
        var apology = await bot.MessageFromCatalogueAsync(502, "Ops.Failure.Apology");
        Assert.StartsWith("Sorry, something went wrong", apology.Text, StringComparison.Ordinal);
        await bot.ReplyAsync(501, m => m.Text == "noted a2");
        await bot.ReplyAsync(503, m => m.Text == "noted c1");

        Assert.Contains(batches, b => updates.All(u => b.Contains(u.UpdateId)));
        Assert.Contains($"U{updates[1].UpdateId}", apology.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Emulator.MessagesIn(502), m => m.Text!.Contains("half-done", StringComparison.Ordinal));
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        var notes = await db.AuditEntries.Where(a => a.Action == "test-note").OrderBy(a => a.Id).Select(a => a.Details).ToListAsync();
        Assert.Equal(["a1", "a2", "c1"], notes);
        var (first, last) = (updates[0].UpdateId, updates[^1].UpdateId);
        var rows = await db.InboxUpdates.Where(u => u.UpdateId >= first && u.UpdateId <= last).OrderBy(u => u.UpdateId).ToListAsync();
        Assert.Equal(updates.Length, rows.Count);
        Assert.All(rows, r => Assert.NotNull(r.ProcessedAt));
        Assert.Equal([null, "InvalidOperationException: boom b1", null, null], rows.Select(r => r.Error));
        Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.Text == "half-done"));
    }

    [Fact]
    public async Task A_batch_cut_off_before_its_commit_is_handled_again_after_the_restart_with_one_effect_each()
    {
        await using var bot = await BotHarness.StartAsync(configure: AddTestCommands);
        var updates = new[] { Update(511, "/note x1"), Update(512, "/note y1"), Update(511, "/note x2") };
        var ids = updates.Select(u => u.UpdateId).ToHashSet();
        var reachedCommit = new TaskCompletionSource<IReadOnlyList<long>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var processor = bot.Services.GetRequiredService<UpdateProcessor>();
        processor.Budget = TimeSpan.FromMinutes(1); // the three in one batch however slow the machine or the database
        processor.OnBatchCommitting = async (handled, ct) =>
        {
            if (handled.Any(ids.Contains))
            {
                reachedCommit.TrySetResult(handled);
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, ct); // the process "dies" here: only stopping the host ends this
            }
        };

        await StoreAsync(bot, updates);
        var handledBeforeTheCrash = await reachedCommit.Task.WaitAsync(BotHarness.Patience);
        await bot.StopHostAsync();

        Assert.True(ids.IsSubsetOf(handledBeforeTheCrash));
        Assert.Empty(bot.Emulator.MessagesIn(511));
        Assert.Empty(bot.Emulator.MessagesIn(512));
        await bot.StartHostAsync();

        await bot.ReplyAsync(511, m => m.Text == "noted x2");
        await bot.ReplyAsync(512, m => m.Text == "noted y1");
        Assert.Equal(["noted x1", "noted x2"], bot.Emulator.MessagesIn(511).Select(m => m.Text));
        Assert.Equal(["noted y1"], bot.Emulator.MessagesIn(512).Select(m => m.Text));
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        Assert.Equal(["x1", "y1", "x2"], await db.AuditEntries.Where(a => a.Action == "test-note").OrderBy(a => a.Id).Select(a => a.Details).ToListAsync());
        Assert.Equal(3, await db.OutboxMessages.CountAsync(m => m.Text!.StartsWith("noted")));
    }

    [Fact]
    public async Task A_spent_budget_commits_the_batch_so_far_and_the_rest_follow_in_later_batches()
    {
        await using var bot = await BotHarness.StartAsync(configure: AddTestCommands);
        var batches = RecordBatches(bot);
        // No time at all: the budget is spent by the first update of each batch, however fast the machine.
        bot.Services.GetRequiredService<UpdateProcessor>().Budget = TimeSpan.Zero;
        var updates = new[] { Update(541, "/note p1"), Update(542, "/note q1"), Update(541, "/note p2") };

        await StoreAsync(bot, updates);
        await bot.ReplyAsync(541, m => m.Text == "noted p2");
        await bot.ReplyAsync(542, m => m.Text == "noted q1");

        var ours = batches.Where(b => b.Any(updates.Select(u => u.UpdateId).Contains)).ToList();
        Assert.Equal(updates.Select(u => new[] { u.UpdateId }), ours.Select(b => b.ToArray()));
        Assert.Equal(["noted p1", "noted p2"], bot.Emulator.MessagesIn(541).Select(m => m.Text));
    }

    [Fact]
    public async Task Updates_of_one_chat_are_handled_in_order_within_a_batch()
    {
        await using var bot = await BotHarness.StartAsync(configure: AddTestCommands);
        var batches = RecordBatches(bot);
        var updates = new List<RawUpdate>();
        for (var i = 1; i <= 12; i++)
        {
            updates.Add(Update(521 + (i % 3), $"/note {521 + (i % 3)}-{i}"));
        }

        await StoreAsync(bot, updates);
        foreach (var chat in new long[] { 521, 522, 523 })
        {
            var expected = updates.Where(u => u.ChatId == chat).Select(u => "noted " + u.Json.Split("/note ")[1].Split('"')[0]).ToList();
            await bot.ReplyAsync(chat, m => m.Text == expected[^1]);
            Assert.Equal(expected, bot.Emulator.MessagesIn(chat).Select(m => m.Text));
        }

        Assert.Contains(batches, b => updates.All(u => b.Contains(u.UpdateId)));
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        var notes = await db.AuditEntries.Where(a => a.Action == "test-note").OrderBy(a => a.Id).Select(a => a.Details).ToListAsync();
        Assert.Equal(updates.Select(u => u.Json.Split("/note ")[1].Split('"')[0]), notes);
    }

    [Fact]
    public async Task The_presidency_read_once_per_batch_follows_an_override_saved_in_the_batch_and_forgets_one_rolled_back()
    {
        await using var bot = await BotHarness.StartAsync();
        var unitOfWork = bot.Services.GetRequiredService<UnitOfWork>();
        var presidency = bot.Services.GetRequiredService<PresidencyService>();
        var now = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        var seen = await unitOfWork.RunBatchAsync(async (batch, ct) =>
        {
            var codes = new List<string>();
            var rule = await batch.RunStepAsync((db, c) => presidency.PresidentCodeAsync(db, now, c), ct);
            codes.Add(rule);
            var other = rule == "EST" ? "FRA" : "EST";
            await Assert.ThrowsAsync<InvalidOperationException>(() => batch.RunStepAsync(async (db, c) =>
            {
                db.PresidencyOverrides.Add(new PresidencyOverride { Year = now.Year, Month = now.Month, DelegationCode = "ZAF", SetBy = BotHarness.OperatorId, SetAt = now });
                await db.SaveChangesAsync(c);
                codes.Add(await presidency.PresidentCodeAsync(db, now, c)); // its own change is visible to itself
                throw new InvalidOperationException("rolled back");
            }, ct));
            codes.Add(await batch.RunStepAsync((db, c) => presidency.PresidentCodeAsync(db, now, c), ct));
            await batch.RunStepAsync((db, _) =>
            {
                db.PresidencyOverrides.Add(new PresidencyOverride { Year = now.Year, Month = now.Month, DelegationCode = other, SetBy = BotHarness.OperatorId, SetAt = now });
                return Task.CompletedTask;
            }, ct);
            codes.Add(await batch.RunStepAsync((db, c) => presidency.PresidentCodeAsync(db, now, c), ct));
            return (codes, other);
        }, CancellationToken.None);

        Assert.Equal([seen.codes[0], "ZAF", seen.codes[0], seen.other], seen.codes);
        await using var read = await unitOfWork.ReadAsync(CancellationToken.None);
        Assert.Equal(seen.other, await presidency.PresidentCodeAsync(read, now, CancellationToken.None));
    }

    [Fact]
    public async Task A_sender_who_changed_their_name_is_remembered_with_the_new_name()
    {
        await using var bot = await BotHarness.StartAsync(configure: AddTestCommands);
        var first = Update(531, "/note one");
        var renamed = Update(531, "/note two", firstName: "Renamed");

        await StoreAsync(bot, [first]);
        await bot.ReplyAsync(531, m => m.Text == "noted one");
        await StoreAsync(bot, [renamed]);
        await bot.ReplyAsync(531, m => m.Text == "noted two");

        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        var person = await db.People.SingleAsync(p => p.UserId == 531);
        Assert.Equal("Renamed", person.DisplayName);
    }

    private static ConcurrentQueue<IReadOnlyList<long>> RecordBatches(BotHarness bot)
    {
        var batches = new ConcurrentQueue<IReadOnlyList<long>>();
        var processor = bot.Services.GetRequiredService<UpdateProcessor>();
        processor.Budget = TimeSpan.FromMinutes(1); // one batch for everything stored together, however slow the machine
        processor.OnBatchCommitting = (handled, _) =>
        {
            batches.Enqueue(handled.ToList());
            return Task.CompletedTask;
        };
        return batches;
    }

    /// <summary>Stores the updates in one transaction, so the dispatcher finds them all pending at once.</summary>
    private static async Task StoreAsync(BotHarness bot, IReadOnlyList<RawUpdate> updates)
    {
        foreach (var chat in updates.Select(u => u.ChatId!.Value).Distinct())
        {
            bot.Emulator.RegisterUser(chat, $"User{chat}");
        }

        Assert.Equal(updates.Count, await bot.Services.GetRequiredService<InboxWriter>().StoreAsync(updates, CancellationToken.None));
    }

    private static RawUpdate Update(long userId, string text, string? firstName = null)
    {
        var name = firstName ?? $"User{userId}";
        var id = Interlocked.Increment(ref _nextUpdateId);
        return new RawUpdate(id, userId, JsonSerializer.Serialize(new
        {
            update_id = id,
            message = new { message_id = (int)(id % 100_000), date = 1_700_000_000, text, chat = new { id = userId, type = "private", first_name = name }, from = new { id = userId, is_bot = false, first_name = name } },
        }));
    }

    private static void AddTestCommands(IServiceCollection services) => services.AddCommand<NoteHandler>().AddCommand<FailHandler>();

    private sealed class NoteHandler : ICommandHandler
    {
        public CommandInfo Info { get; } = new("note", "/note text", "writes an audit entry") { Rule = Rules.Anyone };

        public Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
        {
            context.Update.Audit("test-note", context.Command.Arguments);
            context.Reply("noted " + context.Command.Arguments);
            return Task.CompletedTask;
        }
    }

    private sealed class FailHandler : ICommandHandler
    {
        public CommandInfo Info { get; } = new("fail", "/fail text", "fails on purpose after writing") { Rule = Rules.Anyone };

        public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
        {
            context.Update.Audit("test-note", context.Command.Arguments);
            context.Reply("half-done");
            await context.Update.Db.SaveChangesAsync(cancellationToken); // written to the database, then taken back
            throw new InvalidOperationException("boom " + context.Command.Arguments);
        }
    }
}
