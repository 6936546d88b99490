using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Voting;

/// <summary><c>/tally D&lt;n&gt;</c>: while open, who has voted and who has not (how, only if the council's votes are open); after, the result.</summary>
internal sealed class TallyHandler(VotingService voting, VotingText text) : VoteCommand(voting)
{
    private readonly VotingService _voting = voting;

    public override CommandInfo Info { get; } = new("tally", "/tally D<n>", "Who has voted on a draft, or the result")
    {
        Rule = Rules.Member,
        Where = ChatScope.CouncilChat,
        Example = "/tally D3",
    };

    protected override async Task ExecuteAsync(CommandContext context, Vote vote, CancellationToken cancellationToken)
    {
        var count = await _voting.CountAsync(context.Update.Db, vote, cancellationToken);
        context.Reply(vote.IsOpen ? text.OpenTally(context.Update.Language, vote, count.Ballots, context.Actor.TimeZone) : text.Result(context.Update.Language, vote, count));
    }
}
