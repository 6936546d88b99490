namespace CoordBot.Telegram.Routing;

public sealed record CommandContext(UpdateContext Update, IncomingCommand Command)
{
    public Actor Actor => Update.Actor;

    /// <summary>The press, when the command was run by a command button (<see cref="CommandButton"/>): a step done for good may mark it.</summary>
    public CallbackContext? Pressed { get; init; }

    public void Reply(string html) => Update.Reply(html);
}
