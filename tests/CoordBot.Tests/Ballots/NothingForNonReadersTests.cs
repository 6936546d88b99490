using static CoordBot.Tests.Ballots.BallotsTestKit;

namespace CoordBot.Tests.Ballots;

/// <summary>Issue 24.11: a party to the dispute that may not read the draft learns that a vote concerns it, and nothing of the draft.</summary>
public sealed class NothingForNonReadersTests
{
    [Fact]
    public async Task A_recused_delegation_never_circulated_hears_of_the_vote_without_its_title_or_hash_and_nothing_more()
    {
        // South Africa is a party to the dispute and was never on D3's circulation list.
        await using var kit = await StartAsync();
        var bot = kit.Bot;
        var title = kit.Drafts.Drafts[3].Title;
        var hash = kit.Drafts.Drafts[3].Hash[..8];
        await bot.AskAsync(Chair, "/vote_open D3 recuse ZAF");

        var notice = await bot.MessageStartingWithCatalogueAsync(GroupOf("ZAF"), "Ballots.HiddenRecusedNotice");
        Assert.StartsWith("A vote has opened", notice.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain(title, notice.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain(hash, notice.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("D3", notice.PlainText, StringComparison.Ordinal);

        // /tally, /audit and /explain answer as for a draft that does not exist.
        var head = HeadOf("ZAF");
        var nothing = (await bot.AskAsync(head, "/tally D9")).PlainText!.Replace("D9", "D3", StringComparison.Ordinal);
        Assert.Equal(nothing, (await bot.AskAsync(head, "/tally D3")).PlainText);
        Assert.Equal(nothing, (await bot.AskAsync(head, "/audit D3")).PlainText);
        Assert.Equal(nothing, (await bot.AskAsync(head, "/explain D3 We object.")).PlainText);
        // A voter sees the tally.
        Assert.Contains("delegations have voted", (await bot.AskAsync(HeadOf("EST"), "/tally D3")).PlainText, StringComparison.Ordinal);

        await kit.EveryoneVotesYesExceptAsync("ZAF");
        await bot.VoteResultAsync(GroupOf("USA"));
        var closed = await bot.MessageStartingWithCatalogueAsync(GroupOf("ZAF"), "Ballots.HiddenResult");
        Assert.StartsWith("The vote on the draft that concerns your delegation", closed.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain(title, closed.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Emulator.MessagesIn(GroupOf("ZAF")), m => m.PlainText!.Contains(title, StringComparison.Ordinal) || m.PlainText.Contains(hash, StringComparison.Ordinal));

        // An operator asking for the record in South Africa's group gets no document there; in a voter's group, the record.
        var refused = await bot.AskAsync(Chair, "/record D3", GroupOf("ZAF"));
        Assert.Null(refused.DocumentName);
        Assert.DoesNotContain(bot.Emulator.MessagesIn(GroupOf("ZAF")), m => m.DocumentName is not null);
        bot.Send(Chair, "/record D3", GroupOf("EST"));
        await bot.ReplyAsync(GroupOf("EST"), m => m.DocumentName == "D3-v4-vote-record.txt");
    }
}
