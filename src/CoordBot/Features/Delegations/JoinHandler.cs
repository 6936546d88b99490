using CoordBot.Domain.Membership;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Delegations;

/// <summary><c>/join &lt;token&gt;</c>: the same as opening the invitation link.</summary>
internal sealed class JoinHandler(JoinReplies join) : Command<string>
{
    public override CommandInfo Info { get; } = new("join", "/join <token>", "Join a delegation with an invitation token")
    {
        Rule = Rules.Of(Permissions.MayJoin),
        Example = "/join q3Zx0… (or simply open the invitation link)", ExampleKey = "Walk8.Example.join",
    };

    protected override string Parse(ArgReader args) => args.Text();

    protected override Task ExecuteAsync(CommandContext context, string token, CancellationToken cancellationToken) =>
        join.RedeemAsync(context, token, cancellationToken);
}
