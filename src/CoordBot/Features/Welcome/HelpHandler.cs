using System.Text;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Welcome;

/// <summary>
/// <c>/help [group|command]</c>: the commands this user may use here, grouped by task (<see cref="HelpTopics"/>) with a
/// button per group; a group's commands with their forms; or one command's form and example. Everything is read from
/// the same declarations the router enforces, so what /help offers a person is what they may run.
/// </summary>
internal sealed class HelpHandler(IServiceProvider services) : Command<string>
{
    public override CommandInfo Info { get; } = new("help", "/help [group|command]", "The commands you can use") { Rule = Rules.Anyone, Example = "/help schedule" };

    protected override string Parse(ArgReader args) => args.Rest(optional: true).Trim().TrimStart('/').Split(' ', 2)[0].ToLowerInvariant();

    protected override Task ExecuteAsync(CommandContext context, string topic, CancellationToken cancellationToken)
    {
        // Resolved late: the router needs every handler, this one included.
        var commands = services.GetRequiredService<UpdateRouter>().Commands;
        if (topic.Length == 0)
        {
            Overview(context, commands);
        }
        else if (HelpTopics.All.Contains(topic, StringComparer.Ordinal))
        {
            Topic(context, commands, topic);
        }
        else if (commands.FirstOrDefault(c => string.Equals(c.Info.Name, topic, StringComparison.Ordinal)) is { } command)
        {
            One(context, command.Info);
        }
        else
        {
            context.Reply(context.Text("Help.Unknown", Html.Escape(Shortened.To(topic, 40))));
        }

        return Task.CompletedTask;
    }

    private static IEnumerable<ICommandHandler> Offered(CommandContext context, IEnumerable<ICommandHandler> commands) =>
        commands.Where(c => CommandGate.Offers(c.Info, context.Update)).OrderBy(c => c.Info.Name, StringComparer.Ordinal);

    /// <summary>One line per group: its commands by name only (short enough for a phone), and a button that opens it.</summary>
    private static void Overview(CommandContext context, IEnumerable<ICommandHandler> commands)
    {
        var language = context.Update.Language;
        var byTopic = Offered(context, commands).GroupBy(c => HelpTopics.Of(c.GetType())).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var text = new StringBuilder(Catalogue.Text(language, "Help.Title")).Append('\n');
        var buttons = new List<Button>();
        foreach (var topic in HelpTopics.All.Where(byTopic.ContainsKey))
        {
            var names = string.Join(' ', byTopic[topic].Select(c => Bidi.Isolate(language, "/" + c.Info.Name)));
            text.Append(context.Text("Help.TopicLine", $"<b>{Catalogue.Text(language, "Help.Topic." + topic)}</b>", names)).Append('\n');
            buttons.Add(CommandButton.For(Catalogue.Text(language, "Help.Topic." + topic), "help " + topic));
        }

        text.Append(context.Text("Help.Hint"));
        context.Update.Reply(text.ToString(), [.. buttons.Chunk(2).Select(row => (IReadOnlyList<Button>)row)]);
    }

    /// <summary>A group's commands this reader may use, each with its form and what it does.</summary>
    private static void Topic(CommandContext context, IEnumerable<ICommandHandler> commands, string topic)
    {
        var language = context.Update.Language;
        var name = Catalogue.Text(language, "Help.Topic." + topic);
        var shown = Offered(context, commands).Where(c => HelpTopics.Of(c.GetType()) == topic).ToList();
        IReadOnlyList<IReadOnlyList<Button>> back = [[CommandButton.For(Catalogue.Text(language, "Help.AllGroups"), "help")]];
        if (shown.Count == 0)
        {
            context.Update.Reply(context.Text("Help.EmptyTopic", name), back);
            return;
        }

        var text = new StringBuilder($"<b>{name}</b>\n");
        foreach (var command in shown)
        {
            // The usage line is the command as typed (never translated), isolated in Arabic so it reads left to right.
            text.Append(Bidi.Lines(language, Bidi.Isolate(language, Html.Escape(command.Info.UsageIn(language))) + " — " + Html.Escape(command.Info.DescriptionIn(language)))).Append('\n');
        }

        text.Append(context.Text("Help.TopicHint"));
        context.Update.Reply(text.ToString(), back);
    }

    /// <summary>One command: its form, what it does, an example, and, when this reader may not use it here, why.</summary>
    private static void One(CommandContext context, CommandInfo info)
    {
        var language = context.Update.Language;
        var lines = new List<string>
        {
            Bidi.Lines(language, Bidi.Isolate(language, Html.Escape(info.UsageIn(language))) + " — " + Html.Escape(info.DescriptionIn(language))),
        };
        if (info.ExampleIn(language) is { } example)
        {
            lines.Add(context.Text("Help.Example", Bidi.Isolate(language, Html.Escape(example))));
        }

        if (CommandGate.Refusal(info, context.Update) is { } refusal)
        {
            lines.Add(context.Text("Help.NotForYou", refusal));
        }

        context.Reply(string.Join('\n', lines));
    }
}
