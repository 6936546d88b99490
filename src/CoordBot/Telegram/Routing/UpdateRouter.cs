using CoordBot.Localization;
using CoordBot.Telegram.Guides;
using CoordBot.Telegram.Rendering;
using Telegram.Bot.Types.Enums;

namespace CoordBot.Telegram.Routing;

/// <summary>Maps an update to the one handler that owns it: a command by name, a button by the prefix of its data.</summary>
public sealed class UpdateRouter
{
    /// <summary>The name of the command that also ends a guided command when sent bare.</summary>
    private const string CancelCommand = "cancel";

    private readonly Dictionary<string, ICommandHandler> _commands;
    private readonly Dictionary<string, ICallbackHandler> _callbacks;
    private readonly GuideRunner _guides;

    private readonly Delivery.IChatLifecycle? _lifecycle;

    public UpdateRouter(IEnumerable<ICommandHandler> commands, IEnumerable<ICallbackHandler> callbacks, GuideRunner? guides = null, Delivery.IChatLifecycle? lifecycle = null)
    {
        _guides = guides ?? new GuideRunner([]);
        _lifecycle = lifecycle;
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
            if (!_callbacks.TryAdd(callback.Info.Prefix, callback))
            {
                throw new InvalidOperationException($"Two handlers claim the button prefix {callback.Info.Prefix}.");
            }
        }
    }

    public IReadOnlyCollection<ICommandHandler> Commands => _commands.Values;

    /// <summary>The declared buttons (besides command buttons and guides' steps, which run commands through their own gate).</summary>
    public IReadOnlyCollection<ICallbackHandler> Callbacks => _callbacks.Values;

    public async Task RouteAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        // A chat's own life (upgraded, bot removed or blocked) is no request to answer.
        if (_lifecycle is not null && await _lifecycle.HandleUpdateAsync(context, cancellationToken))
        {
            return;
        }

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
            // An answer to the sender's guided command, if one waits here: in a group only a reply to the bot counts
            // (as the question says), so the chatter of a group is neither read as an answer nor looked up.
            var answersBot = context.IsPrivate
                || string.Equals(message.ReplyToMessage?.From?.Username, context.BotUsername, StringComparison.OrdinalIgnoreCase);
            if (answersBot && message.Text is { } text)
            {
                var (handled, run) = await _guides.AnswerAsync(context, text, cancellationToken);
                if (run is not null && _commands.TryGetValue(run.Name, out var completed))
                {
                    // A guide that acts on its last answer (the reason for breaking silence) runs its command as if typed.
                    await DispatchAsync(context, completed, run, bare: false, pressed: null, cancellationToken);
                    return;
                }

                if (handled)
                {
                    return;
                }
            }

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

        var bare = command.Arguments.Length == 0 && command.Body is null && message.Document is null;
        if (bare && string.Equals(command.Name, CancelCommand, StringComparison.OrdinalIgnoreCase))
        {
            // A bare /cancel ends a guided command; /cancel S3 still cancels a session.
            if (await _guides.CancelAsync(context, cancellationToken) is { } cancelled)
            {
                context.Reply(Catalogue.Format(context.Language, "Guide.Cancelled", "/" + Html.Escape(cancelled)));
                return;
            }
        }

        await DispatchAsync(context, handler, command, bare, pressed: null, cancellationToken);
    }

    /// <summary>
    /// Runs a command line the bot wrote for the sender (a deep link's object, <c>/draft D3</c>) through the same
    /// gate, parser and handler as if they had typed it; false when it names no command.
    /// </summary>
    public async Task<bool> RunAsTypedAsync(UpdateContext context, string commandLine, CancellationToken cancellationToken)
    {
        if (CommandParser.Parse(commandLine) is not { AddressedTo: null } command || !_commands.TryGetValue(command.Name, out var handler))
        {
            return false;
        }

        await DispatchAsync(context, handler, command, bare: false, pressed: null, cancellationToken);
        return true;
    }

    /// <summary>Runs a command through its gate: the typed form, the guided form of a bare command, or a guide's confirmed answers.</summary>
    private async Task DispatchAsync(UpdateContext context, ICommandHandler handler, IncomingCommand command, bool bare, CallbackContext? pressed, CancellationToken cancellationToken)
    {
        // The command's declared place and rule are checked here, before its handler reads anything.
        if (CommandGate.Refusal(handler.Info, context) is { } refusal)
        {
            // An attempt the rule refuses may be evidence (a refused ballot is logged in the vote's chain); the words are the gate's.
            if (CommandGate.RefusedByRule(handler.Info, context))
            {
                await handler.WitnessRefusalAsync(new CommandContext(context, command), cancellationToken);
            }

            context.Reply(refusal);
            return;
        }

        if (bare && _guides.Find(handler.Info.Name) is { } guide)
        {
            await _guides.StartAsync(context, handler.Info, guide, cancellationToken);
            return;
        }

        // A button under an object (Comment under D1) starts the guide with the object chosen, never asking it again.
        if (pressed is not null && _guides.For(handler.Info.Name) is { } started && await _guides.StartFromButtonAsync(context, started, command, cancellationToken))
        {
            return;
        }

        await handler.HandleAsync(new CommandContext(context, command) { Pressed = pressed }, cancellationToken);
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
        else if (prefix == CommandButton.Prefix)
        {
            // The same gate and handler as the typed command, for the presser as they are now.
            if (CommandButton.Read(payload) is { } pressed && _commands.TryGetValue(pressed.Name, out var target))
            {
                callback.Answer();
                // A bare command on a button (Comment, Amend) starts its guide, as typed.
                await DispatchAsync(context, target, pressed, bare: pressed.Arguments.Length == 0, pressed: callback, cancellationToken);
            }
            else
            {
                callback.Answer(Catalogue.Text(context.Actor.Language, "Router.ButtonInvalid"));
            }
        }
        else if (prefix == GuideRunner.Prefix)
        {
            // Confirm runs the typed command the answers make, through the gate again (roles may have changed).
            if (await _guides.PressAsync(callback, cancellationToken) is { } confirmed && _commands.TryGetValue(confirmed.Name, out var guided))
            {
                await DispatchAsync(context, guided, confirmed, bare: false, pressed: null, cancellationToken);
            }
        }
        else if (_callbacks.TryGetValue(prefix, out var handler))
        {
            // The button's declared rule, for the presser as they are now, before its handler reads anything.
            if (handler.Info.Rule(context.Actor) is { IsRefused: true } verdict)
            {
                await handler.WitnessRefusalAsync(callback, cancellationToken);
                CommandGate.TellButtonRefusal(handler.Info, callback, verdict);
            }
            else
            {
                await handler.HandleAsync(callback, cancellationToken);
            }
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
