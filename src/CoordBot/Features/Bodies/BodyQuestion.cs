using CoordBot.Council;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Bodies;

/// <summary>"Which body is this for?": one button per body of the sender, each running the command with that body's key first.</summary>
internal static class BodyQuestion
{
    public static void Ask(UpdateContext context, string command, IReadOnlyList<BodyDefinition> bodies)
    {
        var arguments = Arguments(context);
        var buttons = bodies.Select(b =>
        {
            // The typed arguments ride along when they fit in a button; otherwise the bare command starts its guide in that body.
            var full = arguments.Length == 0 ? $"{command} {b.Key}" : $"{command} {b.Key} {arguments}";
            var fits = System.Text.Encoding.UTF8.GetByteCount($"{CommandButton.Prefix}:{full}") <= 64 && !full.Contains('\n', StringComparison.Ordinal);
            return (IReadOnlyList<Button>)[CommandButton.For(b.Council.ShortNameIn(context.Language), fits ? full : $"{command} {b.Key}")];
        }).ToList();
        if (context.Update.CallbackQuery is { } query)
        {
            context.Outbox.AnswerCallback(context.ChatId, query.Id);
        }

        context.Reply(Catalogue.Format(context.Language, "Bodies.Which", Html.Escape(command), Html.Escape(bodies[0].Key)), buttons);
    }

    private static string Arguments(UpdateContext context)
    {
        var text = context.Update.Message?.Text ?? context.Update.Message?.Caption ?? string.Empty;
        var space = text.IndexOfAny([' ', '\n']);
        return space < 0 ? string.Empty : text[(space + 1)..].Trim();
    }
}
