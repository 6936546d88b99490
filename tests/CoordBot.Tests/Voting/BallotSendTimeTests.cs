using System.Text;
using CoordBot.Features.Voting;
using CoordBot.Persistence;
using CoordBot.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoordBot.Tests.Voting.VotingTestKit;

namespace CoordBot.Tests.Voting;

/// <summary>
/// Issue 12 item 13: a ballot is judged by when it was sent (a typed vote by its message date, a button press by
/// its receipt), and the close does not overtake ballots that may still wait in the inbox after a restart.
/// </summary>
public sealed class BallotSendTimeTests
{
    private const string Closed = "Not recorded: voting has closed: the vote was not counted.";

    private static readonly DateTimeOffset Deadline = T0.AddHours(1);

    [Fact]
    public async Task A_typed_ballot_sent_before_the_deadline_counts_when_handled_after_it_and_one_sent_after_it_does_not()
    {
        var (bot, clock, _) = await StartAsync();
        await using var _ = bot;
        await bot.AskAsync(Chair, "/vote_open D3 1h");
        var ballot = await bot.MessageStartingWithCatalogueAsync(HeadOf("GBR"), "Voting.BallotPaper");
        // The close is this test's to run (Quartz runs on the same clock and would close at the deadline), and the
        // bot handles everything below an hour after the deadline, as after a restart.
        await bot.Services.GetRequiredService<IJobScheduler>().UnscheduleAsync(VoteCloseJob.KeyFor(1), CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(2));

        var inTime = await AskAtAsync(bot, HeadOf("EST"), "/vote D3 yes", Deadline.AddSeconds(-1));
        var late = await AskAtAsync(bot, HeadOf("FRA"), "/vote D3 no", Deadline);
        bot.Emulator.PressButton(HeadOf("GBR"), HeadOf("GBR"), ballot.MessageId, "b:1:y");
        var pressed = await bot.ReplyAsync(HeadOf("GBR"), IsBallotAnswer);

        Assert.StartsWith("Estonia voted in favour of D3 v4", inTime.PlainText, StringComparison.Ordinal);
        Assert.Equal(Closed, late.PlainText);
        Assert.Equal(Closed, pressed.PlainText); // a press carries no send time: it counts from its receipt

        Assert.Equal(VoteClosing.Closed, await RunCloseAsync(bot, 1));
        var result = await bot.VoteResultAsync(HeadOf("USA"));
        Assert.Contains("In favour (1): Estonia", result.PlainText, StringComparison.Ordinal);
        Assert.Contains("Against (0): none", result.PlainText, StringComparison.Ordinal);

        // The record's ballot log says what happened in words, the late ballot with the reason it was refused.
        bot.Send(HeadOf("EST"), "/record D3");
        var record = await bot.ReplyAsync(HeadOf("EST"), m => m.DocumentName == "D3-v4-vote-record.txt");
        var lines = Encoding.UTF8.GetString(record.DocumentContent!).Split('\n');
        Assert.Contains(lines, l => l.Contains("EST user 3", StringComparison.Ordinal) && l.Contains(": cast in favour ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("FRA user 3", StringComparison.Ordinal) && l.Contains(": refused against voting has closed: the vote was not counted hash", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Refused", StringComparison.Ordinal) || l.Contains(" Yes ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_restart_the_close_waits_for_ballots_sent_before_the_deadline_and_then_counts_them()
    {
        var (bot, clock, _) = await StartAsync();
        await using var _ = bot;
        await bot.AskAsync(Chair, "/vote_open D3 1h");

        // Down across the deadline: one ballot sent in time, one after; both wait at Telegram until the restart.
        await bot.StopHostAsync();
        SendAt(bot, HeadOf("EST"), "/vote D3 yes", Deadline.AddMinutes(-5));
        SendAt(bot, HeadOf("FRA"), "/vote D3 yes", Deadline.AddMinutes(5));
        clock.Advance(TimeSpan.FromHours(2));
        await bot.StartHostAsync();

        // The close job fires at once (its deadline is past) while receiving is still catching up: it waits (the firing
        // Quartz made at the start decided the same).
        Assert.Equal(VoteClosing.Postponed, await RunCloseAsync(bot, 1));
        var retry = await bot.Services.GetRequiredService<IJobScheduler>().GetDueAtAsync(VoteCloseJob.KeyFor(1), CancellationToken.None);
        Assert.Equal(clock.GetUtcNow() + BallotsInFlight.Retry, retry);

        var counted = await bot.ReplyAsync(HeadOf("EST"), IsBallotAnswer);
        var refused = await bot.ReplyAsync(HeadOf("FRA"), IsBallotAnswer);
        Assert.StartsWith("Estonia voted in favour of D3 v4", counted.PlainText, StringComparison.Ordinal);
        Assert.Equal(Closed, refused.PlainText);
        await WhenInboxHandledAsync(bot);

        // Receiving has caught up and the inbox is empty: the retry Quartz holds (on the same clock) closes the vote.
        clock.Advance(BallotsInFlight.StartGrace);
        var result = await bot.VoteResultAsync(HeadOf("USA"));
        Assert.Contains("In favour (1): Estonia", result.PlainText, StringComparison.Ordinal);
    }

    // The replies are sent after the updates' transaction commits, so the inbox is handled once both have arrived;
    // this only reads that it is, without waiting on time.
    private static async Task WhenInboxHandledAsync(Support.BotHarness bot)
    {
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        Assert.Equal(0, await db.InboxUpdates.CountAsync(u => u.ProcessedAt == null));
    }
}
