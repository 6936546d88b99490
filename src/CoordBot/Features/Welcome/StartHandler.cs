using System.Globalization;
using CoordBot.Council;
using CoordBot.Features.Delegations;
using CoordBot.Localization;
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
        var language = context.Update.Language;
        var lines = new List<string>
        {
            context.Text("Start.Welcome", Html.Escape(actor.DisplayName)),
            context.Text("Start.Coordinate", Html.Escape(council.Council.Name)),
        };
        if (actor.DelegationCode is { } code && actor.Role is { } role)
        {
            lines.Add(context.Text("Start.Member", RoleNames.Describe(role, language), Html.Escape(council.Council.NameOf(code, language))));
        }
        else if (!actor.IsOperator)
        {
            lines.Add(context.Text("Start.NotMember"));
        }

        if (actor.IsOperator)
        {
            lines.Add(context.Text("Start.Operator"));
        }

        lines.Add(context.Text("Start.Help"));
        lines.Add(context.Text("Start.UserId", Html.Code(actor.UserId.ToString(CultureInfo.InvariantCulture))));
        context.Reply(string.Join("\n", lines));
    }
}
