namespace CoordBot.BotApi;

/// <summary>One command registered with setMyCommands.</summary>
public sealed record BotCommandInfo(string Command, string Description);
