namespace CoordBot.Telegram.Routing;

/// <summary>One command, one class. Register with <c>services.AddCommand&lt;T&gt;()</c>.</summary>
public interface ICommandHandler
{
    CommandInfo Info { get; }

    Task HandleAsync(CommandContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps evidence of an attempt the declared rule refused (a refused ballot goes to the vote's log), before the
    /// refusal is told; it answers nothing and decides nothing. Most commands keep none.
    /// </summary>
    Task WitnessRefusalAsync(CommandContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
