using System.Globalization;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Voting;

/// <summary>
/// "Close the vote now" (<c>bc:&lt;vote&gt;</c>), offered to the chair once every delegation has voted: closes the vote at
/// once instead of after the grace. The button declares the chair's rule as <c>/vote_open</c> and <c>/remind</c> do
/// (<see cref="Rules.Chair"/>); the router asks it with the presser's role as it is now.
/// </summary>
internal sealed class VoteCloseButtonHandler(VotingService voting, VotingDelivery delivery) : ICallbackHandler
{
    public ButtonInfo Info { get; } = new(VotingService.CloseButtonPrefix) { Rule = Rules.Chair };

    public async Task HandleAsync(CallbackContext context, CancellationToken cancellationToken)
    {
        var update = context.Update;
        var language = update.Language;
        if (!long.TryParse(context.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var voteId)
            || await update.Db.Votes.FindAsync([voteId], cancellationToken) is not { } vote)
        {
            context.Answer(VotingText.UnknownBallot(update.Actor.Language));
            return;
        }

        string? refusal = !vote.IsOpen ? VotingText.CloseAlready(language, vote)
            : !(await VotingService.VotedAsync(update.Db, vote, cancellationToken)).Everyone ? VotingText.CloseNotAll(language, vote)
            : null;
        if (refusal is not null)
        {
            context.Answer();
            update.Reply(refusal);
            return;
        }

        if (await voting.CloseAsync(update.Db, vote, update.NowUtc, cancellationToken, new EarlyClose(update.Actor.UserId, ByChair: true)) is { } closed)
        {
            await delivery.DeliverAsync(update.Db, update.Outbox, [closed], cancellationToken);
        }

        update.Audit("vote.closed-early", $"{vote.LogId} on D{vote.DraftId} closed by the chair, every delegation having voted");
        context.Answer(VotingText.ClosedToast(update.Actor.Language));
        context.MarkPressed(keepButtons: false);
    }
}
