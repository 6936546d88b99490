using CoordBot.Council;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Delegations;

/// <summary><c>/me</c>: my delegation, role, time zone and language.</summary>
internal sealed class MeHandler(CouncilProvider council) : Command
{
    public override CommandInfo Info { get; } = new("me", "/me", "Your delegation, role, time zone and language") { Rule = Rules.Anyone };

    protected override async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var actor = context.Actor;
        var person = await context.Update.Db.People.FindAsync([actor.UserId], cancellationToken);
        var lines = new List<string> { $"<b>{Html.Escape(actor.DisplayName)}</b> (user id {actor.UserId})" };
        lines.Add(actor.DelegationCode is { } code && actor.Role is { } role
            ? $"Delegation: {Html.Escape(council.Council.NameOf(code))} ({code}), {RoleNames.Describe(role)}"
            : "Delegation: none");
        if (actor.IsOperator)
        {
            lines.Add("Operator of this bot");
        }

        if (actor.IsChair && !actor.IsOperator)
        {
            lines.Add("You may act as president (chair) this month");
        }

        lines.Add($"Time zone: {Html.Escape(actor.TimeZone)} (change with /timezone)");
        lines.Add($"Language: {Html.Escape(person?.Language ?? "en")}");
        context.Reply(string.Join("\n", lines));
    }
}
