using System.Globalization;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Voting;

/// <summary>Ballot buttons <c>b:&lt;vote&gt;:&lt;y|n|a&gt;</c>. The delegation is the presser's own; a forged or stale button changes nothing.</summary>
internal sealed class BallotButtonHandler(VotingService voting) : ICallbackHandler
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
            context.Answer("This ballot button is not valid. Nothing was recorded.");
            return;
        }

        var vote = await context.Update.Db.Votes.FindAsync([voteId], cancellationToken);
        if (vote is null)
        {
            VotingService.AuditRefusal(context.Update, $"ballot button for unknown vote {voteId}");
            context.Answer("This ballot is not valid. Nothing was recorded.");
            return;
        }

        var outcome = await voting.CastAsync(context.Update, vote, choice, explanation: null, cancellationToken);
        context.Answer(outcome.IsAccepted ? "Recorded." : "Not recorded: see the message.");
        context.Update.Reply(BallotText.Reply(outcome));
    }
}
