using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Voting;

/// <summary>
/// A declared command about the latest vote on a draft (<c>D3</c> or <c>3</c>, then <typeparamref name="TMore"/>):
/// the vote is looked up, or the answer says there is none, before the command's work. The router has already
/// checked the place and the rule.
/// </summary>
internal abstract class VoteCommand<TMore>(VotingService voting) : Command<VoteCommand<TMore>.Target>
{
    protected sealed override Target Parse(ArgReader args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var draftId = args.Id('D');
        return new(draftId, ParseMore(args));
    }

    /// <summary>The arguments after the draft id.</summary>
    protected abstract TMore ParseMore(ArgReader args);

    protected sealed override async Task ExecuteAsync(CommandContext context, Target args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var vote = await voting.LatestVoteAsync(context.Update.Db, args.DraftId, cancellationToken);
        // A delegation that may not read the draft (or a chat whose readers may not) hears what it would of a draft that does not exist.
        if (vote is not null && HidesFromNonReaders && !await VoteVisibility.MayKnowHereAsync(context.Update, vote, cancellationToken))
        {
            vote = null;
        }

        if (vote is null)
        {
            OnNoVote(context, args.DraftId);
            context.Reply(VotingText.NoVote(context.Update.Language, args.DraftId));
            return;
        }

        await ExecuteAsync(context, vote, args.More, cancellationToken);
    }

    /// <summary>Whether the vote is hidden from those who may not read its draft (<see cref="VoteVisibility"/>).</summary>
    protected virtual bool HidesFromNonReaders => false;

    /// <summary>A command may note an attempt on a draft without a vote (a ballot, say) before the answer.</summary>
    protected virtual void OnNoVote(CommandContext context, long draftId)
    {
    }

    protected abstract Task ExecuteAsync(CommandContext context, Vote vote, TMore args, CancellationToken cancellationToken);

    internal readonly record struct Target(long DraftId, TMore More);
}

/// <summary>A <see cref="VoteCommand{TMore}"/> with nothing after the draft id.</summary>
internal abstract class VoteCommand(VotingService voting) : VoteCommand<NoArguments>(voting)
{
    // Words after the id are ignored, as they always were.
    protected sealed override NoArguments ParseMore(ArgReader args)
    {
        ArgumentNullException.ThrowIfNull(args);
        args.Rest(optional: true);
        return NoArguments.Value;
    }

    protected sealed override Task ExecuteAsync(CommandContext context, Vote vote, NoArguments args, CancellationToken cancellationToken) =>
        ExecuteAsync(context, vote, cancellationToken);

    protected abstract Task ExecuteAsync(CommandContext context, Vote vote, CancellationToken cancellationToken);
}
