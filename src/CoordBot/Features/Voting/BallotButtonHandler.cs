using System.Globalization;
using CoordBot.Council;
using CoordBot.Domain.Membership;
using CoordBot.Domain.Voting;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Voting;

/// <summary>
/// Ballot buttons <c>b:&lt;vote&gt;:&lt;y|n|a&gt;</c>. The delegation is the presser's own; a forged or stale button
/// changes nothing and is logged. The router has already refused a press in an unlinked group or in another
/// delegation's group; who may vote is <see cref="VotingService.CastAsync"/>'s, so a forged ballot reaches the log.
/// A press carries no send time: it is judged by when the bot received it. Against from a permanent member on a
/// substantive matter is a veto (<see cref="VetoRules"/>): it is asked first, and only <c>b:&lt;vote&gt;:v</c> (Cast veto)
/// casts it; <c>b:&lt;vote&gt;:x</c> (Go back) records nothing and offers the ballot again.
/// </summary>
internal sealed class BallotButtonHandler(VotingService voting, VotingText text, CouncilProvider councilProvider) : ICallbackHandler
{
    private const string ConfirmVeto = "v";
    private const string GoBack = "x";

    /// <summary>The ballot log's note on a veto cast by its confirmation.</summary>
    public const string VetoConfirmed = "veto confirmed";

    public string Prefix => VotingService.ButtonPrefix;

    public async Task HandleAsync(CallbackContext context, CancellationToken cancellationToken)
    {
        var parts = context.Payload.Split(':');
        var choice = VoteChoice.No;
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var voteId)
            || (parts[1] is not (ConfirmVeto or GoBack) && !VoteRefs.TryParseChoice(parts[1], out choice)))
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

        var language = context.Update.Language;
        if (parts[1] == GoBack)
        {
            context.Answer(VotingText.NothingRecordedToast(context.Update.Actor.Language));
            context.MarkPressed(keepButtons: false);
            context.Update.Reply(VotingText.WentBack(language, vote), vote.IsOpen ? VotingService.BallotButtons(vote.Id, language) : null);
            return;
        }

        var veto = choice == VoteChoice.No && await IsVetoAsync(context, vote, cancellationToken);
        if (veto && parts[1] != ConfirmVeto)
        {
            context.Answer(VotingText.ConfirmVetoToast(context.Update.Actor.Language));
            context.Update.Reply(
                VotingText.VetoQuestion(language, vote),
                [[new Button(VotingText.CastVetoLabel(language), $"{Prefix}:{vote.Id}:{ConfirmVeto}"), new Button(VotingText.GoBackLabel(language), $"{Prefix}:{vote.Id}:{GoBack}")]]);
            return;
        }

        var outcome = await voting.CastAsync(context.Update, vote, choice, explanation: null, cancellationToken, veto ? VetoConfirmed : null);
        context.Answer(VotingText.BallotButton(context.Update.Actor.Language, outcome));
        if (outcome.IsAccepted)
        {
            // A ballot may change while the vote is open: its buttons stay, the choice marked; a veto's question is answered.
            context.MarkPressed(keepButtons: parts[1] != ConfirmVeto);
        }

        context.Update.Reply(text.Ballot(language, outcome));
    }

    /// <summary>Whether Against from this presser would be a veto now (a presser who may not vote is left to the ballot box's refusal).</summary>
    private async Task<bool> IsVetoAsync(CallbackContext context, Vote vote, CancellationToken cancellationToken)
    {
        var actor = context.Update.Actor;
        if (!vote.IsOpen || actor.DelegationCode is not { } code || !vote.Voting.Contains(code) || Permissions.MayVote(actor, code).IsRefused)
        {
            return false;
        }

        var current = await context.Update.Db.Ballots.FindAsync([vote.Id, code], cancellationToken);
        return VetoRules.IsVeto(vote.Rule, vote.Matter, councilProvider.Council.IsPermanent(code), VoteChoice.No, current?.Choice);
    }
}
