namespace CoordBot.Telegram.Routing;

/// <summary>How a command presents itself in /help and in Telegram's command menu.</summary>
public sealed record CommandInfo(string Name, string Usage, string Description, Func<Actor, bool>? IsAvailableTo = null, bool InMenu = true);
