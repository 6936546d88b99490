using CoordBot.Domain;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Voting;

/// <summary>
/// What a ballot or a close made happen, for whoever tells the delegations (<see cref="VotingDelivery"/>): the voting service
/// decides and returns these; it never writes to a chat.
/// </summary>
public abstract record VotingEvent;

/// <summary>A ballot was recorded: the delegation's linked group sees the receipt, unless the ballot was cast there.</summary>
public sealed record ReceiptDue(BallotRecorded Recorded, long CastInChatId) : VotingEvent;

/// <summary>The ballots of an open vote changed: the tallies shown live are brought up to date (without the reminder button once everyone voted).</summary>
public sealed record TallyChanged(Vote Vote, IReadOnlyList<Ballot> Ballots, bool Everyone, DateTime AtUtc) : VotingEvent;

/// <summary>The last missing delegation voted: the chair who opened the vote learns when it will close, and may close it now.</summary>
public sealed record EveryoneVoted(Vote Vote, DateTime ClosesAt) : VotingEvent;

/// <summary>A vote closed: its result for every delegation (<paramref name="Codes"/>), <paramref name="Hidden"/> learning only that it closed.</summary>
public sealed record VoteClosed(Vote Vote, VoteCount Count, IReadOnlyList<string> Codes, IReadOnlySet<string> Hidden) : VotingEvent;

/// <summary>A ballot as cast: what was recorded or refused, and what it made happen.</summary>
public sealed record BallotCast(Outcome<BallotRecorded, BallotRefusal> Outcome, IReadOnlyList<VotingEvent> Events);

/// <summary>Who cast a ballot, where, and when (sent, by Telegram's date; handled, by the bot's clock).</summary>
public sealed record BallotCasting(Actor Voter, long ChatId, DateTime SentAtUtc, DateTime NowUtc);
