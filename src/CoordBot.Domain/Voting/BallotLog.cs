using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CoordBot.Domain.Voting;

/// <summary>Builds, verifies and replays the hash-chained ballot log of one vote.</summary>
public static class BallotLog
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>The entry that follows <paramref name="log"/> (sequence, previous hash and hash filled in).</summary>
    public static BallotEntry Append(
        IReadOnlyList<BallotEntry> log,
        string voteId,
        string delegationCode,
        long userId,
        VoteChoice? choice,
        BallotEntryKind kind,
        string? reason,
        DateTime atUtc)
    {
        var previous = log.Count == 0 ? null : log[^1];
        var entry = new BallotEntry(
            (previous?.Sequence ?? 0) + 1,
            voteId,
            delegationCode,
            userId,
            choice,
            kind,
            reason,
            DateTime.SpecifyKind(atUtc, DateTimeKind.Utc),
            previous?.Hash ?? GenesisHash,
            Hash: "");
        return entry with { Hash = ComputeHash(entry) };
    }

    /// <summary>SHA-256 (lower-case hex) over the canonical form of every field except Hash itself.</summary>
    public static string ComputeHash(BallotEntry entry)
    {
        // Each field is length-prefixed so that no choice of values can make two entries read alike;
        // the instant is written as ticks so that a DateTime read back without its Kind hashes the same.
        var canonical = new StringBuilder("ballot/v1\n");
        Field(canonical, entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(canonical, entry.VoteId);
        Field(canonical, entry.DelegationCode);
        Field(canonical, entry.UserId.ToString(CultureInfo.InvariantCulture));
        Field(canonical, entry.Choice?.ToString() ?? "");
        Field(canonical, entry.Kind.ToString());
        Field(canonical, entry.Reason ?? "");
        Field(canonical, entry.AtUtc.Ticks.ToString(CultureInfo.InvariantCulture));
        Field(canonical, entry.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    /// <summary>Checks sequence, vote, links and hashes; reports the first entry that does not fit.</summary>
    public static ChainCheck Verify(IReadOnlyList<BallotEntry> entries)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Sequence != i + 1)
            {
                return ChainCheck.Broken(i, Reason.Of(ReasonCode.BallotLogSequence, entry.Sequence, i + 1));
            }

            if (i > 0 && entry.VoteId != entries[0].VoteId)
            {
                return ChainCheck.Broken(i, Reason.Of(ReasonCode.BallotLogOtherVote, entry.VoteId, entries[0].VoteId));
            }

            var expectedPrevious = i == 0 ? GenesisHash : entries[i - 1].Hash;
            if (!string.Equals(entry.PreviousHash, expectedPrevious, StringComparison.Ordinal))
            {
                return ChainCheck.Broken(i, Reason.Of(ReasonCode.BallotLogUnlinked));
            }

            if (!string.Equals(entry.Hash, ComputeHash(entry), StringComparison.Ordinal))
            {
                return ChainCheck.Broken(i, Reason.Of(ReasonCode.BallotLogAltered));
            }
        }

        return ChainCheck.Intact;
    }

    /// <summary>
    /// The vote of each delegation as the log records it. The first cast counts; a later cast or change
    /// replaces it only when the council allows changing a vote; refused entries count for nothing.
    /// </summary>
    public static IReadOnlyDictionary<string, VoteChoice> RecomputeTally(IEnumerable<BallotEntry> entries, bool allowChange)
    {
        var tally = new Dictionary<string, VoteChoice>(StringComparer.Ordinal);
        foreach (var entry in entries.OrderBy(e => e.Sequence))
        {
            if (entry.Kind == BallotEntryKind.Refused || entry.Choice is not { } choice)
            {
                continue;
            }

            if (!tally.ContainsKey(entry.DelegationCode) || allowChange)
            {
                tally[entry.DelegationCode] = choice;
            }
        }

        return tally;
    }

    private static void Field(StringBuilder builder, string value) =>
        builder.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
}
