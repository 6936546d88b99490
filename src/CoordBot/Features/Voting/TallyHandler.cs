using CoordBot.Telegram.Delivery;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Voting;

/// <summary><c>/tally D&lt;n&gt;</c>: while open, who has voted and who has not (how, only if the council's votes are open); after, the result.</summary>
internal sealed class TallyHandler(VotingService voting, VotingText text) : VoteCommand(voting)
{
    private readonly VotingService _voting = voting;

    protected override bool HidesFromNonReaders => true;

    public override CommandInfo Info { get; } = new("tally", "/tally D<n>", "Who has voted on a draft, or the result")
    {
        Rule = Rules.Member,
        Where = ChatScope.CouncilChat,
        Example = "/tally D3",
    };

    protected override async Task ExecuteAsync(CommandContext context, Vote vote, CancellationToken cancellationToken)
    {
        var count = await _voting.CountAsync(context.Update.Db, vote, cancellationToken);
        var update = context.Update;
        if (!vote.IsOpen)
        {
            context.Reply(text.Result(update.Language, vote, count));
            return;
        }

        // The chair (whoever /remind admits here) may remind those who have not voted from under the tally.
        var missing = count.Ballots.Count < vote.Voting.Count;
        IReadOnlyList<IReadOnlyList<Button>>? buttons = missing && CommandGate.Refusal(RemindHandler.Declaration, update) is null
            ? [[VotingText.RemindButton(update.Language, vote)]]
            : null;

        // The tally stays live in this chat: each ballot received edits it (VotingService.CastAsync).
        await LiveMessages.ShowAsync(
            update.Db, update.Outbox, update.ChatId, VotingService.TallyTopic(vote.Id), text.OpenTally(update.Language, vote, count.Ballots, context.Actor.TimeZone), buttons,
            update.NowUtc, asNew: true, update.Language, context.Actor.TimeZone, cancellationToken);
    }
}
