namespace CoordBot.Telegram.Routing;

/// <summary>Handles button presses whose data starts with <c>Prefix:</c>. The data is never trusted: check it again.</summary>
public interface ICallbackHandler
{
    string Prefix { get; }

    Task HandleAsync(CallbackContext context, CancellationToken cancellationToken);
}
