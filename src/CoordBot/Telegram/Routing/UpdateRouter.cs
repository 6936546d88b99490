using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using Telegram.Bot.Types.Enums;

namespace CoordBot.Telegram.Routing;

/// <summary>Maps an update to the one handler that owns it: a command by name, a button by the prefix of its data.</summary>
public sealed class UpdateRouter
{
    private readonly Dictionary<string, ICommandHandler> _commands;
    private readonly Dictionary<string, ICallbackHandler> _callbacks;

    public UpdateRouter(IEnumerable<ICommandHandler> commands, IEnumerable<ICallbackHandler> callbacks)
    {
        _commands = new(StringComparer.OrdinalIgnoreCase);
        foreach (var command in commands)
        {
            if (!_commands.TryAdd(command.Info.Name, command))
            {
                throw new InvalidOperationException($"Two handlers claim /{command.Info.Name}.");
            }
        }

        _callbacks = new(StringComparer.Ordinal);
        foreach (var callback in callbacks)
        {
            if (!_callbacks.TryAdd(callback.Prefix, callback))
            {
                throw new InvalidOperationException($"Two handlers claim the button prefix {callback.Prefix}.");
            }
        }
    }

    public IReadOnlyCollection<ICommandHandler> Commands => _commands.Values;

    public async Task RouteAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        switch (context.Update.Type)
        {
            case UpdateType.Message:
                await RouteMessageAsync(context, cancellationToken);
                break;
            case UpdateType.CallbackQuery:
                await RouteCallbackAsync(context, cancellationToken);
                break;
            default:
                // Edits, membership changes and the like carry no request for the bot.
                break;
        }
    }

    private async Task RouteMessageAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var message = context.Update.Message!;
        var command = CommandParser.Parse(message.Text ?? message.Caption);
        if (command is null)
        {
            if (context.IsPrivate)
            {
                context.Reply(Catalogue.Text(context.Language, "Router.CommandsOnly"));
            }

            return;
        }

        if (command.AddressedTo is not null && !string.Equals(command.AddressedTo, context.BotUsername, StringComparison.OrdinalIgnoreCase))
        {
            return; // meant for another bot in the group
        }

        if (!_commands.TryGetValue(command.Name, out var handler))
        {
            context.Reply(Catalogue.Format(context.Language, "Router.UnknownCommand", Html.Escape(command.Name)));
            return;
        }

        // A declared command's place and rule are checked here, before its handler reads anything.
        if (handler.Info.IsDeclared && CommandGate.Refusal(handler.Info, context) is { } refusal)
        {
            context.Reply(refusal);
            return;
        }

        await handler.HandleAsync(new CommandContext(context, command), cancellationToken);
    }

    private async Task RouteCallbackAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var query = context.Update.CallbackQuery!;
        var data = query.Data ?? string.Empty;
        var colon = data.IndexOf(':');
        var prefix = colon < 0 ? data : data[..colon];
        var payload = colon < 0 ? string.Empty : data[(colon + 1)..];
        var callback = new CallbackContext(context, query, payload);
        if (CommandGate.ButtonPlaceRefusal(context) is { } refusal)
        {
            callback.Answer(refusal);
        }
        else if (_callbacks.TryGetValue(prefix, out var handler))
        {
            await handler.HandleAsync(callback, cancellationToken);
        }
        else
        {
            callback.Answer(Catalogue.Text(context.Actor.Language, "Router.ButtonInvalid"));
        }

        if (!callback.Answered)
        {
            callback.Answer();
        }
    }
}
