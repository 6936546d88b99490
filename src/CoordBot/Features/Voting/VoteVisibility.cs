using CoordBot.Features.Drafts;
using CoordBot.Persistence;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Voting;

/// <summary>
/// Who may know of a vote: a delegation that votes on it, or one that may read its draft (the penholder, the circulation
/// list). A party to the dispute that was never on the circulation list may not: to it the vote is as a draft that does
/// not exist. An answer goes into a chat only if every reader of that chat may know (a linked group: its delegation).
/// </summary>
public static class VoteVisibility
{
    public static async Task<bool> MayKnowAsync(CoordBotDb db, Vote vote, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return vote.Voting.Contains(code) || (await DraftDesk.ReadableByAsync(db, code, cancellationToken)).Contains(vote.DraftId);
    }

    /// <summary>Whether the sender may know of the vote, and so may everyone who reads the chat the answer goes to.</summary>
    public static async Task<bool> MayKnowHereAsync(UpdateContext update, Vote vote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var actor = update.Actor;
        if (actor.DelegationCode is { } own && !await MayKnowAsync(update.Db, vote, own, cancellationToken))
        {
            return false;
        }

        if (actor.DelegationCode is null && !actor.IsOperator)
        {
            return false;
        }

        // A group's readers are its delegation's members: the group must be of a delegation that may know.
        return update.IsPrivate || (actor.ChatDelegationCode is { } chat && await MayKnowAsync(update.Db, vote, chat, cancellationToken));
    }
}
