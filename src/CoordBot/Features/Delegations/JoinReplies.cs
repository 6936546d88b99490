using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Delegations;

/// <summary>Redeems a token and answers: shared by <c>/start &lt;token&gt;</c> and <c>/join &lt;token&gt;</c>, which are the same act.</summary>
public sealed class JoinReplies(InvitationRedeemer redeemer, DelegationsText text)
{
    public async Task RedeemAsync(CommandContext context, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outcome = await redeemer.RedeemAsync(context.Update, token, cancellationToken);
        context.Reply(text.Join(outcome, context.Actor, context.Update.Language));
        if (outcome.Value is { } joined)
        {
            var inviterLanguage = await Localization.ReaderLanguage.OfPersonAsync(context.Update.Db, joined.InvitedBy, cancellationToken);
            context.Update.Outbox.Send(joined.InvitedBy, text.InviterNote(joined, context.Actor, inviterLanguage));
        }
    }
}
