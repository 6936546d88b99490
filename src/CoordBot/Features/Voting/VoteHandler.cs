using CoordBot.Domain;
using CoordBot.Domain.Membership;
using CoordBot.Domain.Voting;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Voting;

/// <summary>
/// <c>/vote D&lt;n&gt; &lt;yes|no|abstain&gt; [explanation]</c>: the same as a ballot button, with an optional explanation of
/// vote. The rule that decides who votes is declared (<see cref="Permissions.MayVoteByCommand"/>), so /help offers it only
/// to heads and deputies; an attempt the rule refuses is still written to the vote's hash-chained log
/// (<see cref="WitnessRefusalAsync"/>), as every attempt on a vote is.
/// </summary>
internal sealed class VoteHandler(VotingService voting, VotingDelivery delivery, VotingText text) : VoteCommand<VoteHandler.Ballot>(voting)
{
    private readonly VotingService _voting = voting;

    private readonly VotingDelivery _delivery = delivery;

    public override CommandInfo Info { get; } = new("vote", "/vote D<n> <yes|no|abstain> [explanation]", "Cast your delegation's vote (head or deputy)")
    {
        Rule = Rules.Of(Permissions.MayVoteByCommand),
        Where = ChatScope.CouncilChat,
        Example = "/vote D3 yes",
    };

    protected override Ballot ParseMore(ArgReader args)
    {
        ArgumentNullException.ThrowIfNull(args);
        // "/vote D3" with no choice (the vote picked in the bare /vote's guide, or typed so) shows the delegation's ballot.
        if (!args.HasMore && args.Body is null)
        {
            return new(null, null);
        }

        var choice = args.Choice(VoteRefs.Choices);
        var explanation = args.Rest(optional: true);
        return new(choice, explanation.Length > 0 ? explanation : args.Body);
    }

    /// <summary>A ballot from someone the rule refuses: the ballot box refuses it too, and logs it in the vote's chain.</summary>
    public override async Task WitnessRefusalAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reader = new ArgReader(context.Command);
        var args = Parse(reader);
        if (reader.Failed || args.More.Choice is not { } choice)
        {
            return;
        }

        if (await _voting.LatestVoteAsync(context.Update.Db, args.DraftId, cancellationToken) is not { } vote)
        {
            OnNoVote(context, args.DraftId);
            return;
        }

        await _voting.CastAsync(context.Update.Db, VotingDelivery.Casting(context.Update), vote, choice, explanation: null, cancellationToken);
    }

    protected override void OnNoVote(CommandContext context, long draftId) =>
        BallotAudit.Refused(context.Update, $"vote on unknown draft D{draftId}");

    protected override async Task ExecuteAsync(CommandContext context, Vote vote, Ballot args, CancellationToken cancellationToken)
    {
        if (args.Choice is not { } choice)
        {
            ShowBallot(context, vote);
            return;
        }

        if (args.Explanation is { Length: > 4000 })
        {
            context.Reply(VotingText.ExplanationTooLong(context.Update.Language));
            return;
        }

        var cast = await _voting.CastAsync(context.Update.Db, VotingDelivery.Casting(context.Update), vote, choice, args.Explanation, cancellationToken);
        await _delivery.DeliverAsync(context.Update.Db, context.Update.Outbox, cast.Events, cancellationToken);
        context.Reply(text.Ballot(context.Update.Language, cast.Outcome));
    }

    /// <summary>The delegation's ballot with its buttons (Against by a permanent member on substance then asks first), or why there is none.</summary>
    private void ShowBallot(CommandContext context, Vote vote)
    {
        var language = context.Update.Language;
        if (!vote.IsOpen)
        {
            context.Reply(VotingText.CloseAlready(language, vote));
        }
        else if (VotingService.VoterRefusal(context.Actor, vote) is { } refusal)
        {
            context.Reply(text.Ballot(language, Outcome<BallotRecorded, BallotRefusal>.Refuse(refusal)));
        }
        else
        {
            context.Update.Reply(VotingText.YourBallot(language, vote), VotingService.BallotButtons(vote.Id, language));
        }
    }

    internal sealed record Ballot(VoteChoice? Choice, string? Explanation);
}
