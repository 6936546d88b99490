using CoordBot.Domain.Voting;

namespace CoordBot.Domain.Tests.Voting;

public sealed class BallotLogTests
{
    private static readonly DateTime Start = new(2020, 4, 1, 14, 0, 0, DateTimeKind.Utc);

    private static List<BallotEntry> SampleLog()
    {
        var log = new List<BallotEntry>();
        void Add(string code, VoteChoice? choice, BallotEntryKind kind, string? reason = null) =>
            log.Add(BallotLog.Append(log, "V1", code, 1000 + log.Count, choice, kind, reason, Start.AddMinutes(log.Count)));

        Add("EST", VoteChoice.Yes, BallotEntryKind.Cast);
        Add("CHN", VoteChoice.Abstain, BallotEntryKind.Cast);
        Add("EST", VoteChoice.No, BallotEntryKind.Changed);
        Add("BEL", VoteChoice.Yes, BallotEntryKind.Refused, "voting has closed");
        Add("RUS", VoteChoice.No, BallotEntryKind.Cast);
        return log;
    }

    [Fact]
    public void An_untouched_log_verifies()
    {
        var log = SampleLog();

        Assert.Equal(ChainCheck.Intact, BallotLog.Verify(log));
        Assert.Equal(BallotLog.GenesisHash, log[0].PreviousHash);
        Assert.Equal(log[2].Hash, log[3].PreviousHash);
        Assert.Equal([1L, 2, 3, 4, 5], log.Select(e => e.Sequence));
    }

    public static TheoryData<string, Func<List<BallotEntry>, List<BallotEntry>>, int, string> Tamperings => new()
    {
        { "choice altered", l => Replace(l, 2, l[2] with { Choice = VoteChoice.Yes }), 2, "BallotLogAltered" },
        { "delegation altered", l => Replace(l, 0, l[0] with { DelegationCode = "FRA" }), 0, "BallotLogAltered" },
        { "time altered", l => Replace(l, 4, l[4] with { AtUtc = l[4].AtUtc.AddSeconds(1) }), 4, "BallotLogAltered" },
        { "refusal turned into a cast", l => Replace(l, 3, l[3] with { Kind = BallotEntryKind.Cast, Reason = null }), 3, "BallotLogAltered" },
        { "entry removed", l => l.Where((_, i) => i != 1).ToList(), 1, "BallotLogSequence:3:2" },
        { "entries swapped", l => [l[0], l[2], l[1], l[3], l[4]], 1, "BallotLogSequence:3:2" },
        { "first entry removed", l => l.Skip(1).ToList(), 0, "BallotLogSequence:2:1" },
        { "entry rehashed after editing", l => Replace(l, 1, Rehash(l[1] with { Choice = VoteChoice.No })), 2, "BallotLogUnlinked" },
        { "entry from another vote", l => Replace(l, 4, Rehash(l[4] with { VoteId = "V2" })), 4, "BallotLogOtherVote:V2:V1" },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void Tampering_is_reported_at_the_first_broken_entry(
        string because, Func<List<BallotEntry>, List<BallotEntry>> tamper, int brokenAt, string why)
    {
        var check = BallotLog.Verify(tamper(SampleLog()));

        Assert.False(check.IsIntact, because);
        Assert.Equal(brokenAt, check.BrokenAt);
        Assert.Equal(Expected.Reason(why), check.Why);
    }

    [Fact]
    public void The_hash_does_not_depend_on_the_datetime_kind_read_back_from_storage()
    {
        var entry = SampleLog()[0];

        Assert.Equal(entry.Hash, BallotLog.ComputeHash(entry with { AtUtc = DateTime.SpecifyKind(entry.AtUtc, DateTimeKind.Unspecified) }));
    }

    [Fact]
    public void Fields_cannot_be_shifted_into_each_other()
    {
        var entry = SampleLog()[0];

        Assert.NotEqual(
            BallotLog.ComputeHash(entry with { VoteId = "V1E", DelegationCode = "ST" }),
            BallotLog.ComputeHash(entry with { VoteId = "V1", DelegationCode = "EST" }));
    }

    [Theory]
    [InlineData(true, "CHN=Abstain EST=No RUS=No")]
    [InlineData(false, "CHN=Abstain EST=Yes RUS=No")]
    public void Tally_counts_the_last_accepted_vote_and_ignores_refusals(bool allowChange, string expected)
    {
        var tally = BallotLog.RecomputeTally(SampleLog(), allowChange);

        Assert.Equal(expected, string.Join(" ", tally.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")));
    }

    private static List<BallotEntry> Replace(List<BallotEntry> log, int index, BallotEntry entry)
    {
        var copy = log.ToList();
        copy[index] = entry;
        return copy;
    }

    private static BallotEntry Rehash(BallotEntry entry) => entry with { Hash = BallotLog.ComputeHash(entry) };
}
