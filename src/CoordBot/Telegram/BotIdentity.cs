namespace CoordBot.Telegram;

/// <summary>The bot's own Telegram account, learnt with getMe at start (its username makes deep links and group commands work).</summary>
public sealed class BotIdentity
{
    public long Id { get; private set; }

    public string Username { get; private set; } = "CoordBot";

    public void Set(long id, string username)
    {
        Id = id;
        Username = username;
    }
}
