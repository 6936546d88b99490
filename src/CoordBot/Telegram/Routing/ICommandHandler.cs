namespace CoordBot.Telegram.Routing;

/// <summary>One command, one class. Register with <c>services.AddCommand&lt;T&gt;()</c>.</summary>
public interface ICommandHandler
{
    CommandInfo Info { get; }

    Task HandleAsync(CommandContext context, CancellationToken cancellationToken);
}
