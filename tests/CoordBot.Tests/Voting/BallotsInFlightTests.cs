using CoordBot.Features.Voting;
using CoordBot.Persistence;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CoordBot.Tests.Voting;

/// <summary>When the close job closes, and when it waits for ballots that may still be in the inbox.</summary>
public sealed class BallotsInFlightTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);
    private readonly CoordBotDb _db = TestContexts.Db();

    public BallotsInFlightTests()
    {
        _db.Database.OpenConnection();
        _db.Database.EnsureCreated();
    }

    public void Dispose() => _db.Dispose();

    private static Vote VoteClosingAt(DateTime closesAt) =>
        new() { Id = 1, Title = "t", Text = "x", TextHash = "h", VotingCodes = "EST", ClosesAt = closesAt };

    private async Task PendingUpdateAsync(bool processed)
    {
        _db.InboxUpdates.Add(new InboxUpdate { UpdateId = 7, ChatId = 42, Payload = "{}", ReceivedAt = Start, ProcessedAt = processed ? Start : null });
        await _db.SaveChangesAsync();
    }

    [Fact]
    public async Task Right_after_a_start_receiving_is_catching_up_so_the_close_is_tried_again_shortly()
    {
        var clock = new FakeTimeProvider(Start);
        var inFlight = new BallotsInFlight(clock);
        var vote = VoteClosingAt(Start.AddHours(-3)); // the deadline passed while the bot was down

        Assert.Equal(Start + BallotsInFlight.Retry, await inFlight.PostponeCloseAsync(_db, vote, Start, CancellationToken.None));
        Assert.Null(await inFlight.PostponeCloseAsync(_db, vote, Start + BallotsInFlight.StartGrace, CancellationToken.None));
    }

    [Fact]
    public async Task An_update_not_yet_handled_holds_the_close_back_and_a_handled_one_does_not()
    {
        var inFlight = new BallotsInFlight(new FakeTimeProvider(Start));
        var now = Start.AddHours(1);
        var vote = VoteClosingAt(now);

        await PendingUpdateAsync(processed: true);
        Assert.Null(await inFlight.PostponeCloseAsync(_db, vote, now, CancellationToken.None));

        (await _db.InboxUpdates.SingleAsync()).ProcessedAt = null;
        await _db.SaveChangesAsync();
        Assert.Equal(now + BallotsInFlight.Retry, await inFlight.PostponeCloseAsync(_db, vote, now, CancellationToken.None));
    }

    [Fact]
    public async Task The_wait_is_bounded_so_a_stuck_update_never_holds_a_result_back_for_good()
    {
        var inFlight = new BallotsInFlight(new FakeTimeProvider(Start));
        var deadline = Start.AddHours(1);
        var vote = VoteClosingAt(deadline);
        await PendingUpdateAsync(processed: false);

        var nearEnd = deadline + BallotsInFlight.MaxWait - TimeSpan.FromSeconds(1);
        Assert.Equal(deadline + BallotsInFlight.MaxWait, await inFlight.PostponeCloseAsync(_db, vote, nearEnd, CancellationToken.None));
        Assert.Null(await inFlight.PostponeCloseAsync(_db, vote, deadline + BallotsInFlight.MaxWait, CancellationToken.None));
    }
}
