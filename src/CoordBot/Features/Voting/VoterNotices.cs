using CoordBot.Features.Delegations;
using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;

namespace CoordBot.Features.Voting;

/// <summary>
/// What a vote says to the delegations whose ballot it wants: each head and deputy a private ballot (or reminder)
/// with the ballot buttons, and each delegation's linked group, or with no group its other members privately, a
/// notice. A voter's private chat gets the ballot only: never, after it, a notice that "your head and deputy have
/// private ballots" (which reads as if someone else held the ballot).
/// </summary>
public sealed class VoterNotices(DelegationMessenger messenger)
{
    /// <param name="ballotFor">The private ballot or reminder of a voter: the delegation's code, the reader's language and the delegation's zone.</param>
    /// <param name="noticeFor">The notice to a delegation's group or other members, with the same arguments.</param>
    /// <param name="groupButtons">Whether a linked group's notice carries the ballot buttons too (its head or deputy may vote there).</param>
    public async Task SendAsync(
        CoordBotDb db,
        Outbox outbox,
        Vote vote,
        IReadOnlyCollection<string> codes,
        Func<string, string, string, string> ballotFor,
        Func<string, string, string, string> noticeFor,
        bool groupButtons,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(ballotFor);
        ArgumentNullException.ThrowIfNull(noticeFor);
        var zones = await VotingService.DelegationZonesAsync(db, codes, cancellationToken);
        var voters = await VotingService.VotersAsync(db, codes, cancellationToken);
        foreach (var (code, userId, language) in voters)
        {
            outbox.Send(userId, ballotFor(code, language, zones[code]), VotingService.BallotButtons(vote.Id, language));
        }

        await messenger.DeliverAsync(db, outbox, new DelegationNotice(codes, reader => noticeFor(reader.DelegationCode, reader.Language, zones[reader.DelegationCode]))
        {
            Buttons = reader => groupButtons && reader.ChatId < 0 ? VotingService.BallotButtons(vote.Id, reader.Language) : null,
            Except = [.. voters.Select(v => v.UserId)],
        }, cancellationToken);
    }
}
