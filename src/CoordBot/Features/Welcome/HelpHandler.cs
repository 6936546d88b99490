using System.Text;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Welcome;

/// <summary><c>/help</c>: the commands this user may use, as their roles allow.</summary>
internal sealed class HelpHandler(IServiceProvider services) : ICommandHandler
{
    public CommandInfo Info { get; } = new("help", "/help", "The commands you can use");

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        // Resolved late: the router needs every handler, this one included.
        var router = services.GetRequiredService<UpdateRouter>();
        var available = router.Commands
            .Where(c => c.Info.IsAvailableTo?.Invoke(context.Actor) ?? true)
            .OrderBy(c => c.Info.Name, StringComparer.Ordinal);
        var text = new StringBuilder("<b>Commands you can use</b>\n");
        foreach (var command in available)
        {
            text.Append(Html.Escape(command.Info.Usage)).Append(" — ").Append(Html.Escape(command.Info.Description)).Append('\n');
        }

        context.Reply(text.ToString().TrimEnd());
        return Task.CompletedTask;
    }
}
