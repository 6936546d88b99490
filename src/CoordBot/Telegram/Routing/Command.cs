namespace CoordBot.Telegram.Routing;

/// <summary>
/// A declared command with typed arguments: the shape of every converted handler. The router has already
/// checked <see cref="CommandInfo.Where"/> and <see cref="CommandInfo.Rule"/> when <see cref="ICommandHandler.HandleAsync"/>
/// runs; this base then parses the arguments with <see cref="Parse"/> and answers the usage line when they
/// do not parse, so <see cref="ExecuteAsync"/> receives them typed and does only its command's work.
/// </summary>
public abstract class Command<TArgs> : ICommandHandler
{
    public abstract CommandInfo Info { get; }

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reader = new ArgReader(context.Command);
        var arguments = Parse(reader);
        if (reader.Failed)
        {
            context.Reply(Info.UsageReplyIn(context.Update.Language));
            return Task.CompletedTask;
        }

        return ExecuteAsync(context, arguments, cancellationToken);
    }

    /// <inheritdoc cref="ICommandHandler.WitnessRefusalAsync"/>
    public virtual Task WitnessRefusalAsync(CommandContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Reads the arguments; any failed read (or a word left over) makes the router answer the usage line.</summary>
    protected abstract TArgs Parse(ArgReader args);

    protected abstract Task ExecuteAsync(CommandContext context, TArgs args, CancellationToken cancellationToken);
}

/// <summary>A declared command that takes no arguments (words after it are ignored, as they always were).</summary>
public abstract class Command : Command<NoArguments>
{
    protected sealed override NoArguments Parse(ArgReader args)
    {
        ArgumentNullException.ThrowIfNull(args);
        args.Rest(optional: true);
        return NoArguments.Value;
    }

    protected sealed override Task ExecuteAsync(CommandContext context, NoArguments args, CancellationToken cancellationToken) =>
        ExecuteAsync(context, cancellationToken);

    protected abstract Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken);
}

public sealed record NoArguments
{
    public static NoArguments Value { get; } = new();
}
