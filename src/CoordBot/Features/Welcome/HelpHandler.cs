using System.Text;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Welcome;

/// <summary><c>/help</c>: the commands this user may use here, read from the same declarations the router enforces.</summary>
internal sealed class HelpHandler(IServiceProvider services) : Command
{
    public override CommandInfo Info { get; } = new("help", "/help", "The commands you can use") { Rule = Rules.Anyone };

    protected override Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        // Resolved late: the router needs every handler, this one included.
        var router = services.GetRequiredService<UpdateRouter>();
        var available = router.Commands
            .Where(c => CommandGate.Offers(c.Info, context.Update))
            .OrderBy(c => c.Info.Name, StringComparer.Ordinal);
        var language = context.Update.Language;
        var text = new StringBuilder(Catalogue.Text(language, "Help.Title")).Append('\n');
        foreach (var command in available)
        {
            // The usage line is the command as typed (never translated), isolated in Arabic so it reads left to right.
            text.Append(Bidi.Lines(language, Bidi.Isolate(language, Html.Escape(command.Info.UsageIn(language))) + " — " + Html.Escape(command.Info.DescriptionIn(language)))).Append('\n');
        }

        context.Reply(text.ToString().TrimEnd());
        return Task.CompletedTask;
    }
}
