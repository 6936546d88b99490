using System.Globalization;
using CoordBot.Council;
using CoordBot.Domain.Voting;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Voting;

/// <summary>
/// Ballot buttons <c>b:&lt;vote&gt;:&lt;y|n|a&gt;</c>. The delegation is the presser's own; a forged or stale button
/// changes nothing and is logged. The router has already refused a press in an unlinked group or in another
/// delegation's group, and by someone the declared rule does not let vote (whose ballot still reaches the log).
/// A press carries no send time: it is judged by when the bot received it. Against from a permanent member on a
/// substantive matter is a veto (<see cref="VetoRules"/>): it is asked first, and only <c>b:&lt;vote&gt;:v</c> (Cast veto)
/// casts it; <c>b:&lt;vote&gt;:x</c> (Go back) records nothing and offers the ballot again.
/// </summary>
internal sealed class BallotButtonHandler(VotingService voting, VotingDelivery delivery, VotingText text, CouncilProvider councilProvider) : ICallbackHandler
{
    private const string ConfirmVeto = "v";
    private const string GoBack = "x";

    /// <summary>The ballot log's note on a veto cast by its confirmation.</summary>
    public const string VetoConfirmed = "veto confirmed";

    /// <summary>
    /// Who may vote is declared (<see cref="Rules.Voter"/>): anyone else is told the ballot was not recorded and why, and
    /// the attempt still goes to the vote's log (<see cref="WitnessRefusalAsync"/>).
    /// </summary>
    public ButtonInfo Info { get; } = new(VotingService.ButtonPrefix) { Rule = Rules.Voter, ToastKey = "Voting.Toast.NotRecorded" };

    private string Prefix => Info.Prefix;

    public async Task HandleAsync(CallbackContext context, CancellationToken cancellationToken)
    {
        if (await ReadAsync(context, cancellationToken) is not (var vote, var choice, var answer))
        {
            return;
        }

        var language = context.Update.Language;
        if (answer == GoBack)
        {
            context.Answer(VotingText.NothingRecordedToast(context.Update.Actor.Language));
            context.MarkPressed(keepButtons: false);
            context.Update.Reply(VotingText.WentBack(language, vote), vote.IsOpen ? VotingService.BallotButtons(vote.Id, language) : null);
            return;
        }

        var veto = choice == VoteChoice.No && await IsVetoAsync(context, vote, cancellationToken);
        if (veto && answer != ConfirmVeto)
        {
            context.Answer(VotingText.ConfirmVetoToast(context.Update.Actor.Language));
            context.Update.Reply(
                VotingText.VetoQuestion(language, vote),
                [[new Button(VotingText.CastVetoLabel(language), $"{Prefix}:{vote.Id}:{ConfirmVeto}"), new Button(VotingText.GoBackLabel(language), $"{Prefix}:{vote.Id}:{GoBack}")]]);
            return;
        }

        var cast = await voting.CastAsync(context.Update.Db, VotingDelivery.Casting(context.Update), vote, choice, explanation: null, cancellationToken, veto ? VetoConfirmed : null);
        await delivery.DeliverAsync(context.Update.Db, context.Update.Outbox, cast.Events, cancellationToken);
        var outcome = cast.Outcome;
        context.Answer(VotingText.BallotButton(context.Update.Actor.Language, outcome));
        if (outcome.IsAccepted)
        {
            // A ballot may change while the vote is open: its buttons stay, the choice marked; a veto's question is answered.
            context.MarkPressed(keepButtons: answer != ConfirmVeto);
        }

        context.Update.Reply(text.Ballot(language, outcome));
    }

    /// <summary>A press by someone who may not vote: the ballot is refused as the ballot box refuses it, and logged in the vote's chain.</summary>
    public async Task WitnessRefusalAsync(CallbackContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await ReadAsync(context, cancellationToken, answer: false) is (var vote, var choice, var answer) && answer != GoBack)
        {
            await voting.CastAsync(context.Update.Db, VotingDelivery.Casting(context.Update), vote, choice, explanation: null, cancellationToken);
        }
    }

    /// <summary>The vote and the choice a press names; a malformed or unknown one is audited (and answered, when <paramref name="answer"/>).</summary>
    private static async Task<(Vote Vote, VoteChoice Choice, string Answer)?> ReadAsync(CallbackContext context, CancellationToken cancellationToken, bool answer = true)
    {
        var parts = context.Payload.Split(':');
        var choice = VoteChoice.No;
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var voteId)
            || (parts[1] is not (ConfirmVeto or GoBack) && !VoteRefs.TryParseChoice(parts[1], out choice)))
        {
            BallotAudit.Refused(context.Update, $"malformed ballot button \"{context.Payload}\"");
            if (answer)
            {
                context.Answer(VotingText.InvalidBallotButton(context.Update.Actor.Language));
            }

            return null;
        }

        var vote = await context.Update.Db.Votes.FindAsync([voteId], cancellationToken);
        if (vote is null)
        {
            BallotAudit.Refused(context.Update, $"ballot button for unknown vote {voteId}");
            if (answer)
            {
                context.Answer(VotingText.UnknownBallot(context.Update.Actor.Language));
            }

            return null;
        }

        return (vote, choice, parts[1]);
    }

    /// <summary>Whether Against from this presser (who may vote: the router asked) would be a veto now.</summary>
    private async Task<bool> IsVetoAsync(CallbackContext context, Vote vote, CancellationToken cancellationToken)
    {
        var actor = context.Update.Actor;
        if (!vote.IsOpen || actor.DelegationCode is not { } code || !vote.Voting.Contains(code))
        {
            return false;
        }

        var current = await context.Update.Db.Ballots.FindAsync([vote.Id, code], cancellationToken);
        return VetoRules.IsVeto(vote.Rule, vote.Matter, councilProvider.Council.IsPermanent(code), VoteChoice.No, current?.Choice);
    }
}
