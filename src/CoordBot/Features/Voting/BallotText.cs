using CoordBot.Domain;
using CoordBot.Domain.Voting;
using CoordBot.Telegram.Rendering;

namespace CoordBot.Features.Voting;

/// <summary>A ballot was recorded: the facts of the receipt.</summary>
public sealed record BallotRecorded(string DelegationName, VoteChoice Choice, string Label, string TextHash, DateTime AtUtc, bool Changed, string CastByName);

/// <summary>A ballot was not recorded, with the domain's reason (a clause).</summary>
public sealed record BallotNotRecorded(string Reason);

/// <summary>The words of ballots: the receipt to the voter and their group, or why nothing was recorded.</summary>
public static class BallotText
{
    public static string Reply(Outcome<BallotRecorded, BallotNotRecorded> outcome) =>
        outcome.Match(Receipt, refused => $"Not recorded: {Html.Escape(refused.Reason)}.");

    /// <summary>"Estonia voted against D3 v4 (hash 1a2b3c4d), recorded 14:03 UTC, 24 Nov 2026 by ...".</summary>
    public static string Receipt(BallotRecorded ballot) =>
        $"{Html.Escape(ballot.DelegationName)} {VoteRefs.Verb(ballot.Choice)} {ballot.Label} (hash {ballot.TextHash[..8]}), recorded {TimeDisplay.Utc(ballot.AtUtc)}"
        + (ballot.Changed ? " (changed: this vote replaces the earlier one)" : string.Empty)
        + $" by {Html.Escape(ballot.CastByName)}.";
}
