namespace CoordBot.Telegram.Routing;

/// <summary>Who sent an update, as the bot knows them: always identified by Telegram user id, never by username.</summary>
public sealed record Actor(long UserId, string DisplayName, bool IsOperator);
