using System.Text;
using CoordBot.Domain.Council;
using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Features.Drafts;
using CoordBot.Features.Voting;
using CoordBot.Localization;
using CoordBot.Persistence;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoordBot.Tests.Support.TestCouncil;

namespace CoordBot.Tests.Voting;

public sealed class VotingEndToEndTests
{
    private const long Chair = BotHarness.OperatorId;

    private static async Task<(BotHarness Bot, FakeDrafts Drafts)> CouncilAsync(bool deputies = false)
    {
        var drafts = new FakeDrafts();
        var bot = await BotHarness.StartAsync(configure: s =>
        {
            s.AddSingleton<IVotableDrafts>(drafts);
        });
        var council = TestCouncil.Seed().WithGroups();
        await (deputies ? council.WithDeputies() : council).SeedAsync(bot);

        drafts.AddInBlue(3);
        return (bot, drafts);
    }

    private static async Task<long> BallotMessageAsync(BotHarness bot, long userId) =>
        (await bot.Emulator.WaitForMessageAsync(userId, m => CatalogueText.StartsWith(Languages.English, "Voting.BallotPaper", m.Text), BotHarness.Patience)).MessageId;

    [Fact]
    public async Task A_full_written_procedure_with_buttons_and_commands_closes_early_and_posts_the_result_once()
    {
        var (bot, drafts) = await CouncilAsync();
        await using var _ = bot;

        var opened = await bot.AskAsync(Chair, "/vote_open D3 substantive 24h");
        Assert.Contains("15 delegations vote", opened.PlainText, StringComparison.Ordinal);
        Assert.Equal(DraftStatus.Voting, drafts.Drafts[3].Status);
        Assert.Contains("Voting has started", (await bot.MessageStartingWithCatalogueAsync(GroupOf("EST"), "Voting.Started")).PlainText, StringComparison.Ordinal);

        // Eleven in favour by button, China and Russia against by command (with an explanation), two abstain.
        foreach (var code in Codes.Where(c => c is not ("CHN" or "RUS" or "ZAF" or "NER")))
        {
            var ballot = await BallotMessageAsync(bot, HeadOf(code));
            bot.Emulator.PressButton(HeadOf(code), HeadOf(code), ballot, $"b:1:y");
            Assert.Contains("in favour of D3 v4", (await bot.MessageFromCatalogueAsync(HeadOf(code), "Voting.Receipt.Yes")).PlainText, StringComparison.Ordinal);
        }

        var receipt = await bot.AskAsync(HeadOf("CHN"), "/vote D3 no The text does not respect sovereignty.");
        Assert.Matches(@"^China voted against D3 v4 \(hash [0-9a-f]{8}\), recorded \d\d:\d\d UTC", receipt.PlainText);
        Assert.StartsWith("China voted against D3 v4", (await bot.MessageFromCatalogueAsync(GroupOf("CHN"), "Voting.Receipt.No")).PlainText, StringComparison.Ordinal);
        await bot.AskAsync(HeadOf("ZAF"), "/vote D3 abstain");
        await bot.AskAsync(HeadOf("NER"), "/vote D3 abstain");
        var tally = await bot.AskAsync(HeadOf("EST"), "/tally D3", GroupOf("EST"));
        Assert.Contains("14 of 15 delegations have voted", tally.PlainText, StringComparison.Ordinal);
        Assert.Contains("Russian Federation: not yet", tally.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("against", tally.PlainText, StringComparison.Ordinal);

        await bot.AskAsync(HeadOf("RUS"), "/vote D3 no");

        var result = await bot.VoteResultAsync(GroupOf("USA"));
        Assert.StartsWith("Result of the vote", result.PlainText, StringComparison.Ordinal);
        Assert.Contains("NOT ADOPTED: vetoed by China, Russian Federation", result.PlainText, StringComparison.Ordinal);
        Assert.Contains("In favour (11)", result.PlainText, StringComparison.Ordinal);
        Assert.Contains("Absent (did not vote) (0): none", result.PlainText, StringComparison.Ordinal);
        Assert.Equal(DraftStatus.NotAdopted, drafts.Drafts[3].Status);
        foreach (var code in Codes)
        {
            await bot.VoteResultAsync(GroupOf(code));
            Assert.Single(bot.Emulator.MessagesIn(GroupOf(code)), m => CatalogueText.IsVoteResult(Languages.English, m.Text));
        }

        var late = await bot.AskAsync(HeadOf("EST"), "/vote D3 no");
        Assert.Contains("Not recorded: voting has closed", late.PlainText, StringComparison.Ordinal);

        var explained = await bot.AskAsync(HeadOf("FRA"), "/explain D3 France regrets the veto.");
        Assert.Contains("explanation of vote of France", explained.PlainText, StringComparison.Ordinal);

        bot.Send(HeadOf("EST"), "/record D3");
        var record = await bot.ReplyAsync(HeadOf("EST"), m => m.DocumentName == "D3-v4-vote-record.txt");
        var recordText = Encoding.UTF8.GetString(record.DocumentContent!);
        Assert.Contains("Result: NOT ADOPTED (vetoed by China, Russian Federation)", recordText, StringComparison.Ordinal);
        Assert.Contains("China: against, recorded", recordText, StringComparison.Ordinal);
        Assert.Contains("The text does not respect sovereignty.", recordText, StringComparison.Ordinal);
        Assert.Contains("France regrets the veto.", recordText, StringComparison.Ordinal);
        Assert.Contains(drafts.Drafts[3].Hash, recordText, StringComparison.Ordinal);

        var audit = await bot.AskAsync(HeadOf("EST"), "/audit D3");
        Assert.Contains("Hash chain: intact", audit.PlainText, StringComparison.Ordinal);
        Assert.Contains("matches the recorded votes (15 delegations)", audit.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chair_reminds_only_the_delegations_that_have_not_voted_privately_with_their_ballot_and_in_their_groups()
    {
        var (bot, _) = await CouncilAsync();
        await using var _ = bot;
        await bot.AskAsync(Chair, "/vote_open D3 substantive 24h");
        var voted = Codes.Take(12).ToList();
        var missing = Codes.Skip(12).ToList();
        foreach (var code in voted)
        {
            await bot.AskForCatalogueAsync(HeadOf(code), "/vote D3 yes", "Voting.Receipt.Yes");
        }

        // Not the chair: refused, and nobody is reminded.
        var refused = await bot.AskAsync(HeadOf("EST"), "/remind D3");
        Assert.DoesNotContain("Reminded", refused.PlainText, StringComparison.Ordinal);
        await WhenDeliveredAsync(bot);
        var before = Codes.ToDictionary(c => c, c => (Private: bot.LastMessageId(HeadOf(c)), Group: bot.LastMessageId(GroupOf(c))));

        var reminded = await bot.AskAsync(Chair, "/remind D3");

        var names = missing.Select(NameOf).Order(StringComparer.OrdinalIgnoreCase);
        Assert.Equal(Catalogue.Plural(Languages.English, "Voting.Reminded", missing.Count, string.Join(Catalogue.Text(Languages.English, "Voting.ListSeparator"), names)), reminded.Text);
        foreach (var code in missing)
        {
            var privately = await bot.MessageFromCatalogueAsync(HeadOf(code), "Voting.PrivateReminder", afterMessageId: before[code].Private);
            Assert.Contains(NameOf(code), privately.PlainText, StringComparison.Ordinal);
            Assert.Contains(privately.Buttons, b => b.CallbackData is { } data && data.StartsWith("b:1:", StringComparison.Ordinal)); // the ballot, to vote at once
            await bot.MessageFromCatalogueAsync(GroupOf(code), "Voting.GroupReminder", afterMessageId: before[code].Group);
        }

        await WhenDeliveredAsync(bot);
        foreach (var code in voted)
        {
            Assert.Equal(before[code], (bot.LastMessageId(HeadOf(code)), bot.LastMessageId(GroupOf(code))));
        }

        foreach (var code in missing)
        {
            await bot.AskForCatalogueAsync(HeadOf(code), "/vote D3 yes", "Voting.Receipt.Yes");
        }

        await bot.Emulator.WaitForMessageAsync(GroupOf("USA"), m => CatalogueText.StartsWith(Languages.English, "Voting.ResultHeading.Substantive", m.Text), BotHarness.Patience);
        var closed = await bot.AskAsync(Chair, "/remind D3");
        Assert.Equal(Catalogue.Format(Languages.English, "Voting.NobodyToRemind", "D3"), closed.Text);
    }

    private static Task WhenDeliveredAsync(BotHarness bot) =>
        bot.Services.GetRequiredService<CoordBot.Telegram.Delivery.DeliveryStatus>().WhenIdleAsync(CancellationToken.None);

    [Fact]
    public async Task At_the_deadline_a_delegation_that_did_not_vote_is_absent_not_abstaining()
    {
        var (bot, _) = await CouncilAsync();
        await using var _ = bot;
        await bot.AskAsync(Chair, "/vote_open D3 procedural 24h");
        foreach (var code in Codes.Take(9))
        {
            await bot.AskAsync(HeadOf(code), "/vote D3 yes");
        }

        await ReachDeadlineAsync(bot);

        var result = await bot.VoteResultAsync(GroupOf("VNM"));

        Assert.Contains("ADOPTED", result.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("NOT ADOPTED", result.PlainText, StringComparison.Ordinal);
        Assert.Contains("Absent (did not vote) (6)", result.PlainText, StringComparison.Ordinal);
        Assert.Contains("Abstaining (0): none", result.PlainText, StringComparison.Ordinal);
    }

    /// <summary>Moves the deadline to now and re-asserts the close job, as when the 24 hours have run out: the real Quartz job closes the vote.</summary>
    private static async Task ReachDeadlineAsync(BotHarness bot)
    {
        var now = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var vote = await bot.Services.GetRequiredService<UnitOfWork>().RunAsync(async (db, ct) =>
        {
            var open = await db.Votes.SingleAsync(v => v.ClosedAt == null, ct);
            open.ClosesAt = now;
            return open;
        }, CancellationToken.None);
        await bot.Services.GetRequiredService<VoteDeadlines>().ScheduleAsync(vote, CancellationToken.None);
    }

    [Fact]
    public async Task Head_and_deputy_pressing_at_once_give_one_current_vote_and_two_log_entries()
    {
        var (bot, _) = await CouncilAsync(deputies: true);
        await using var _ = bot;
        await bot.AskAsync(Chair, "/vote_open D3");
        var headBallot = await BallotMessageAsync(bot, HeadOf("EST"));
        var deputyBallot = await BallotMessageAsync(bot, DeputyOf("EST"));

        bot.Emulator.PressButton(HeadOf("EST"), HeadOf("EST"), headBallot, "b:1:y");
        bot.Emulator.PressButton(DeputyOf("EST"), DeputyOf("EST"), deputyBallot, "b:1:n");
        await bot.MessageFromCatalogueAsync(HeadOf("EST"), "Voting.Receipt.Yes", afterMessageId: headBallot);
        await bot.MessageFromCatalogueAsync(DeputyOf("EST"), "Voting.Receipt.No", afterMessageId: deputyBallot);

        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        Assert.Equal(1, await db.Ballots.CountAsync(b => b.DelegationCode == "EST"));
        Assert.Equal(2, await db.BallotLog.CountAsync(e => e.DelegationCode == "EST"));
        Assert.Equal(2, await db.BallotLog.CountAsync(e => e.DelegationCode == "EST" && e.Kind != Domain.Voting.BallotEntryKind.Refused));
    }

    [Fact]
    public async Task Votes_from_the_wrong_people_or_buttons_are_refused_logged_and_change_nothing()
    {
        var (bot, drafts) = await CouncilAsync();
        await using var _ = bot;
        await bot.SeedMemberAsync(AdviserOf("EST"), "EST", DelegationRole.Adviser);
        drafts.AddInBlue(4);
        await bot.AskAsync(Chair, "/vote_open D3 recuse ZAF");

        var adviser = await bot.AskAsync(AdviserOf("EST"), "/vote D3 yes");
        var recused = await bot.AskAsync(HeadOf("ZAF"), "/vote D3 yes");
        var notOpen = await bot.AskAsync(HeadOf("EST"), "/vote D4 yes");
        var ballot = await BallotMessageAsync(bot, HeadOf("EST"));
        bot.Emulator.PressButton(HeadOf("EST"), HeadOf("EST"), ballot, "b:1:y");
        var receipt = await bot.MessageFromCatalogueAsync(HeadOf("EST"), "Voting.Receipt.Yes", afterMessageId: ballot);
        bot.Emulator.PressButton(HeadOf("EST"), HeadOf("EST"), ballot, "b:1:y"); // the same again: refused, not doubled

        Assert.Contains("only the head or the deputy", adviser.PlainText, StringComparison.Ordinal);
        Assert.Contains("party to the dispute", recused.PlainText, StringComparison.Ordinal);
        Assert.Contains("There is no vote on D4", notOpen.PlainText, StringComparison.Ordinal);
        var again = await bot.MessageFromCatalogueAsync(HeadOf("EST"), "Voting.NotRecorded", afterMessageId: receipt.MessageId);
        Assert.Contains("already voted", again.PlainText, StringComparison.Ordinal);

        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        Assert.Equal(1, await db.Ballots.CountAsync());
        Assert.Equal(3, await db.BallotLog.CountAsync(e => e.Kind == Domain.Voting.BallotEntryKind.Refused));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "ballot.refused"));
    }

    [Fact]
    public async Task A_restart_while_the_vote_is_open_loses_nothing()
    {
        var (bot, _) = await CouncilAsync();
        await using var _ = bot;
        await bot.AskAsync(Chair, "/vote_open D3");
        foreach (var code in Codes.Take(7))
        {
            await bot.AskAsync(HeadOf(code), "/vote D3 yes");
        }

        await bot.StopHostAsync();
        foreach (var code in Codes.Skip(7))
        {
            bot.Send(HeadOf(code), "/vote D3 yes");
        }

        await bot.StartHostAsync();

        var result = await bot.VoteResultAsync(GroupOf("EST"));
        Assert.Contains("In favour (15)", result.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_draft_in_blue_can_be_put_to_the_vote_and_only_by_the_chair()
    {
        var (bot, drafts) = await CouncilAsync();
        await using var _ = bot;
        drafts.Drafts[5] = drafts.Drafts[3] with { Id = 5, Status = DraftStatus.Negotiation };

        var notChair = await bot.AskAsync(HeadOf("EST"), "/vote_open D3");
        var notBlue = await bot.AskAsync(Chair, "/vote_open D5");
        var unknown = await bot.AskAsync(Chair, "/vote_open D99");
        var badHours = await bot.AskAsync(Chair, "/vote_open D3 500h");

        Assert.Contains("Only the president", notChair.PlainText, StringComparison.Ordinal);
        Assert.Contains("not in blue", notBlue.PlainText, StringComparison.Ordinal);
        Assert.Contains("There is no draft D99", unknown.PlainText, StringComparison.Ordinal);
        Assert.Contains("at most 168 hours", badHours.PlainText, StringComparison.Ordinal);
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        Assert.Equal(0, await db.Votes.CountAsync());
    }

    [Theory]
    [InlineData("NaNh")]
    [InlineData("1e-9h")]
    [InlineData("0h")]
    [InlineData("-3h")]
    [InlineData("Infinityh")]
    public async Task A_voting_window_that_is_not_a_plain_number_of_hours_opens_nothing(string window)
    {
        var (bot, drafts) = await CouncilAsync();
        await using var _ = bot;

        var reply = await bot.AskAsync(Chair, $"/vote_open D3 {window}");

        Assert.DoesNotContain("Voting opened", reply.PlainText, StringComparison.Ordinal);
        Assert.Equal(DraftStatus.InBlue, drafts.Drafts[3].Status);
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        Assert.Equal(0, await db.Votes.CountAsync());
    }

    [Fact]
    public async Task A_vote_in_which_every_delegation_is_recused_is_not_opened()
    {
        var (bot, drafts) = await CouncilAsync();
        await using var _ = bot;

        var reply = await bot.AskAsync(Chair, $"/vote_open D3 recuse {string.Join(',', Codes)}");

        Assert.Contains("Every delegation would be recused", reply.PlainText, StringComparison.Ordinal);
        Assert.Equal(DraftStatus.InBlue, drafts.Drafts[3].Status);
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        Assert.Equal(0, await db.Votes.CountAsync());
    }

    [Fact]
    public async Task The_record_goes_only_to_those_who_may_read_the_text_voted_on()
    {
        var (bot, _) = await CouncilAsync();
        await using var _ = bot;
        var estObserver = ObserverOf("EST");
        await bot.SeedMemberAsync(estObserver, "EST", DelegationRole.Observer);
        await bot.AskAsync(Chair, "/vote_open D3 recuse ZAF");
        foreach (var code in Codes.Where(c => c != "ZAF"))
        {
            await bot.AskAsync(HeadOf(code), $"/vote D3 yes");
        }

        Assert.StartsWith("Result of the vote on D3", (await bot.VoteResultAsync(GroupOf("EST"))).PlainText, StringComparison.Ordinal);
        var observer = await bot.AskAsync(estObserver, "/record D3");
        var recused = await bot.AskAsync(HeadOf("ZAF"), "/record D3");
        bot.Send(HeadOf("EST"), "/record D3");
        var voter = await bot.ReplyAsync(HeadOf("EST"), m => m.DocumentName == "D3-v4-vote-record.txt");

        Assert.Null(observer.DocumentName);
        Assert.Null(recused.DocumentName);
        Assert.Equal(DraftDesk.NotVisible(3), recused.PlainText);
        Assert.Equal("Reading drafts needs a member of a delegation (head, deputy or adviser).", observer.PlainText);
        Assert.NotNull(voter.DocumentContent);
        Assert.DoesNotContain(bot.Emulator.MessagesIn(estObserver), m => m.DocumentName is not null);
        Assert.DoesNotContain(bot.Emulator.MessagesIn(HeadOf("ZAF")), m => m.DocumentName is not null);
    }

    [Fact]
    public async Task A_ballot_button_is_answered_from_what_was_recorded_not_from_the_words_of_the_reply()
    {
        var (bot, _) = await CouncilAsync();
        await using var _ = bot;
        await bot.AskAsync(Chair, "/vote_open D3");
        var ballot = await BallotMessageAsync(bot, HeadOf("EST"));

        bot.Emulator.PressButton(HeadOf("EST"), HeadOf("EST"), ballot, "b:1:y");
        var recorded = await bot.MessageFromCatalogueAsync(HeadOf("EST"), "Voting.Receipt.Yes", afterMessageId: ballot);
        bot.Emulator.PressButton(HeadOf("EST"), HeadOf("EST"), ballot, "b:1:y"); // the same again: refused
        await bot.MessageFromCatalogueAsync(HeadOf("EST"), "Voting.NotRecorded", afterMessageId: recorded.MessageId);
        await bot.Services.GetRequiredService<Telegram.Delivery.DeliveryStatus>().WhenIdleAsync(CancellationToken.None);

        Assert.Equal(["Recorded.", "Not recorded: see the message."], bot.Emulator.CallbackAnswers.Select(a => a.Text));
    }
}
