namespace CoordBot.Telegram.Routing;

public sealed record CommandContext(UpdateContext Update, IncomingCommand Command)
{
    public Actor Actor => Update.Actor;

    public void Reply(string html) => Update.Reply(html);
}
