using CoordBot.Council;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Delegations;

/// <summary><c>/me</c>: my delegation, role, time zone and language.</summary>
internal sealed class MeHandler(CouncilProvider council) : Command
{
    public override CommandInfo Info { get; } = new("me", "/me", "Your delegation, role, time zone and language") { Rule = Rules.Anyone };

    protected override Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var actor = context.Actor;
        var language = context.Update.Language;
        var lines = new List<string> { context.Text("Me.Header", Html.Escape(actor.DisplayName), actor.UserId) };
        lines.Add(actor.DelegationCode is { } code && actor.Role is { } role
            ? context.Text("Me.Delegation", Html.Escape(council.Council.NameOf(code, language)), code, RoleNames.Describe(role, language))
            : context.Text("Me.NoDelegation"));
        if (actor.IsOperator)
        {
            lines.Add(context.Text("Me.Operator"));
        }

        if (actor.IsChair && !actor.IsOperator)
        {
            lines.Add(context.Text("Me.Chair"));
        }

        lines.Add(context.Text("Me.TimeZone", Html.Escape(actor.TimeZone)));
        lines.Add(context.Text("Me.Language", actor.Language == Localization.Languages.English ? actor.Language : Localization.Languages.NativeName(actor.Language)));
        context.Reply(string.Join("\n", lines));
        return Task.CompletedTask;
    }
}
