using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Delegations;

/// <summary><c>/join &lt;token&gt;</c>: the same as opening the invitation link.</summary>
internal sealed class JoinHandler(InvitationRedeemer redeemer) : ICommandHandler
{
    public CommandInfo Info { get; } = new("join", "/join <token>", "Join a delegation with an invitation token", a => !a.IsMember);

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Command.Words is not [var token])
        {
            context.Reply("Send /join followed by the invitation token, for example: /join q3Zx0… (or simply open the invitation link).");
            return Task.CompletedTask;
        }

        return redeemer.RedeemAsync(context, token, cancellationToken);
    }
}
