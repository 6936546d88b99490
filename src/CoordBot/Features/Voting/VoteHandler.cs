using CoordBot.Domain.Voting;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Voting;

/// <summary>
/// <c>/vote D&lt;n&gt; &lt;yes|no|abstain&gt; [explanation]</c>: the same as a ballot button, with an optional explanation of
/// vote. Any member reaches the ballot box, so that every attempt on a vote, also by someone who may not vote, is
/// written to the vote's hash-chained log; <see cref="VotingService.CastAsync"/> applies who may vote.
/// </summary>
internal sealed class VoteHandler(VotingService voting, VotingText text) : VoteCommand<VoteHandler.Ballot>(voting)
{
    private readonly VotingService _voting = voting;

    public override CommandInfo Info { get; } = new("vote", "/vote D<n> <yes|no|abstain> [explanation]", "Cast your delegation's vote (head or deputy)")
    {
        Rule = Rules.Member,
        Where = ChatScope.CouncilChat,
        Example = "/vote D3 yes",
    };

    protected override Ballot ParseMore(ArgReader args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var choice = args.Choice(VoteRefs.Choices);
        var explanation = args.Rest(optional: true);
        return new(choice, explanation.Length > 0 ? explanation : args.Body);
    }

    protected override void OnNoVote(CommandContext context, long draftId) =>
        VotingService.AuditRefusal(context.Update, $"vote on unknown draft D{draftId}");

    protected override async Task ExecuteAsync(CommandContext context, Vote vote, Ballot args, CancellationToken cancellationToken)
    {
        if (args.Explanation is { Length: > 4000 })
        {
            context.Reply(VotingText.ExplanationTooLong(context.Update.Language));
            return;
        }

        context.Reply(text.Ballot(context.Update.Language, await _voting.CastAsync(context.Update, vote, args.Choice, args.Explanation, cancellationToken)));
    }

    internal sealed record Ballot(VoteChoice Choice, string? Explanation);
}
