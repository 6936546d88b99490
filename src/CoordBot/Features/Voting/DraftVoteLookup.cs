using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Voting;

/// <summary>Finds the vote a command names by its draft (<c>D3</c> or <c>3</c>), or replies why not.</summary>
public sealed class DraftVoteLookup(VotingService voting)
{
    /// <summary>As <see cref="FindAsync"/>, for commands that show council business: members (and operators) only.</summary>
    public Task<Vote?> FindForMemberAsync(CommandContext context, string usage, CancellationToken cancellationToken) =>
        Access.CouncilBusiness(context) ? FindAsync(context, context.Command.FirstWord, usage, cancellationToken) : Task.FromResult<Vote?>(null);

    public async Task<Vote?> FindAsync(CommandContext context, string? draftText, string usage, CancellationToken cancellationToken)
    {
        if (!EntityIds.TryParse(draftText, 'D', out var draftId))
        {
            context.Reply($"Usage: {Html.Escape(usage)}");
            return null;
        }

        var vote = await voting.LatestVoteAsync(context.Update.Db, draftId, cancellationToken);
        if (vote is null)
        {
            context.Reply($"There is no vote on D{draftId}. The chair opens one with /vote_open D{draftId} once the draft is in blue.");
        }

        return vote;
    }
}
