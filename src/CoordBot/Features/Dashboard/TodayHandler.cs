using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Dashboard;

/// <summary><c>/today</c>: what needs this person now (ballots, silences, sessions, items, amendments), each line with its buttons.</summary>
internal sealed class TodayHandler(Dashboard dashboard) : Command
{
    public override CommandInfo Info { get; } = new("today", "/today", "What needs you now: ballots, silences, sessions, items, amendments")
    {
        Rule = Rules.Member,
        Where = ChatScope.CouncilChat,
    };

    protected override async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var (html, buttons) = await dashboard.ShowAsync(context.Update, cancellationToken);
        context.Update.Reply(html, buttons);
    }
}
