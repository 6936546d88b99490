namespace CoordBot.Telegram.Routing;

/// <summary>
/// Handles button presses whose data starts with <c>Prefix:</c> (<see cref="ButtonInfo.Prefix"/>). The router has checked
/// the place and the declared <see cref="ButtonInfo.Rule"/> before <see cref="HandleAsync"/> runs; the data is never
/// trusted: check it again.
/// </summary>
public interface ICallbackHandler
{
    ButtonInfo Info { get; }

    Task HandleAsync(CallbackContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps evidence of a press the rule refused (a refused ballot goes to the vote's log), before the refusal is
    /// told; it answers nothing and decides nothing. Most buttons keep none.
    /// </summary>
    Task WitnessRefusalAsync(CallbackContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
