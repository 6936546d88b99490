using System.Globalization;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Voting;

/// <summary>
/// Ballot buttons <c>b:&lt;vote&gt;:&lt;y|n|a&gt;</c>. The delegation is the presser's own; a forged or stale button
/// changes nothing and is logged. The router has already refused a press in an unlinked group or in another
/// delegation's group; who may vote is <see cref="VotingService.CastAsync"/>'s, so a forged ballot reaches the log.
/// A press carries no send time: it is judged by when the bot received it.
/// </summary>
internal sealed class BallotButtonHandler(VotingService voting, VotingText text) : ICallbackHandler
{
    public string Prefix => VotingService.ButtonPrefix;

    public async Task HandleAsync(CallbackContext context, CancellationToken cancellationToken)
    {
        var parts = context.Payload.Split(':');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var voteId)
            || !VoteRefs.TryParseChoice(parts[1], out var choice))
        {
            VotingService.AuditRefusal(context.Update, $"malformed ballot button \"{context.Payload}\"");
            context.Answer(VotingText.InvalidBallotButton(context.Update.Actor.Language));
            return;
        }

        var vote = await context.Update.Db.Votes.FindAsync([voteId], cancellationToken);
        if (vote is null)
        {
            VotingService.AuditRefusal(context.Update, $"ballot button for unknown vote {voteId}");
            context.Answer(VotingText.UnknownBallot(context.Update.Actor.Language));
            return;
        }

        var outcome = await voting.CastAsync(context.Update, vote, choice, explanation: null, cancellationToken);
        context.Answer(VotingText.BallotButton(context.Update.Actor.Language, outcome));
        context.Update.Reply(text.Ballot(context.Update.Language, outcome));
    }
}
