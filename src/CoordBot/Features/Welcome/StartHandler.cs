using System.Globalization;
using CoordBot.Council;
using CoordBot.Features.Delegations;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Welcome;

/// <summary><c>/start [token]</c>: a welcome that says what this user can do now, or redeems an invitation.</summary>
internal sealed class StartHandler(JoinReplies join, CouncilProvider council) : Command<string?>
{
    public override CommandInfo Info { get; } = new("start", "/start", "Welcome, and what you can do now") { Rule = Rules.Anyone };

    protected override string? Parse(ArgReader args) => args.OptionalText();

    protected override async Task ExecuteAsync(CommandContext context, string? token, CancellationToken cancellationToken)
    {
        if (token is not null)
        {
            await join.RedeemAsync(context, token, cancellationToken);
            return;
        }

        var actor = context.Actor;
        var lines = new List<string>
        {
            $"Welcome to CoordBot, {Html.Escape(actor.DisplayName)}.",
            $"I coordinate the delegations of the {Html.Escape(council.Council.Name)}: sessions, agendas, draft texts and votes.",
        };
        if (actor.DelegationCode is { } code && actor.Role is { } role)
        {
            lines.Add($"You are {RoleNames.Describe(role)} in the delegation of <b>{Html.Escape(council.Council.NameOf(code))}</b>.");
        }
        else if (!actor.IsOperator)
        {
            lines.Add("You are not a member of a delegation yet. Ask your head of delegation or an operator for an invitation link, then open it (or send /join followed by the token).");
        }

        if (actor.IsOperator)
        {
            lines.Add("You are an operator of this bot: you can invite heads of delegation (/invite) and act as chair.");
        }

        lines.Add("Send /help to see the commands you can use.");
        lines.Add($"Your Telegram user id is {Html.Code(actor.UserId.ToString(CultureInfo.InvariantCulture))}.");
        context.Reply(string.Join("\n", lines));
    }
}
