using CoordBot.Persistence;
using CoordBot.Telegram.Receiving;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoordBot.Tests.Receiving;

/// <summary>
/// Webhook calls that overlap share a transaction (<see cref="InboxGroupCommit"/>), and each is answered only once its own
/// update is stored. The updates here carry nothing the bot handles, so the dispatcher marks them and sends nothing.
/// </summary>
public sealed class InboxGroupCommitTests
{
    private static RawUpdate Empty(long id) => new(id, null, $"{{\"update_id\":{id}}}");

    [Fact]
    public async Task Calls_arriving_during_a_store_are_stored_together_and_each_answered_after_its_commit()
    {
        await using var bot = await BotHarness.StartAsync();
        var commit = bot.Services.GetRequiredService<InboxGroupCommit>();
        var gate = bot.Services.GetRequiredService<WriteGate>();

        Task first;
        Task[] rest;
        using (await gate.EnterAsync(CancellationToken.None))
        {
            // The first call takes its update into a store that now waits for the writer; five more arrive meanwhile.
            first = commit.StoreAsync(Empty(700_001));
            rest = [.. Enumerable.Range(2, 5).Select(i => commit.StoreAsync(Empty(700_000 + i)))];

            Assert.False(first.IsCompleted);
            Assert.DoesNotContain(rest, t => t.IsCompleted);
        }

        await Task.WhenAll([first, .. rest]).WaitAsync(BotHarness.Patience);

        Assert.Equal(2, commit.Transactions);
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        Assert.Equal(6, await db.InboxUpdates.CountAsync(u => u.UpdateId > 700_000 && u.UpdateId <= 700_006));
    }

    [Fact]
    public async Task A_failed_store_fails_every_call_in_it_and_the_next_call_stores_anew()
    {
        await using var bot = await BotHarness.StartAsync();
        var commit = bot.Services.GetRequiredService<InboxGroupCommit>();
        var gate = bot.Services.GetRequiredService<WriteGate>();

        Task first;
        Task broken;
        Task beside;
        using (await gate.EnterAsync(CancellationToken.None))
        {
            first = commit.StoreAsync(Empty(710_001));
            // A payload the database refuses (NOT NULL) fails its whole transaction, and the call beside it with it.
            broken = commit.StoreAsync(new RawUpdate(710_002, null, null!));
            beside = commit.StoreAsync(Empty(710_003));
        }

        await first.WaitAsync(BotHarness.Patience);
        await Assert.ThrowsAnyAsync<Exception>(() => broken.WaitAsync(BotHarness.Patience));
        await Assert.ThrowsAnyAsync<Exception>(() => beside.WaitAsync(BotHarness.Patience));

        // Telegram sends a refused call again: it is stored then, by a store of its own.
        await commit.StoreAsync(Empty(710_003)).WaitAsync(BotHarness.Patience);
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        Assert.Equal([710_001L, 710_003L], await db.InboxUpdates.Where(u => u.UpdateId > 710_000 && u.UpdateId < 710_010).OrderBy(u => u.UpdateId).Select(u => u.UpdateId).ToListAsync());
    }
}
