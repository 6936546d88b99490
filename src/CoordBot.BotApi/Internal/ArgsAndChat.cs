namespace CoordBot.BotApi.Internal;

/// <summary>A method call addressed to a chat: its arguments and the already-parsed chat_id.</summary>
internal sealed record ArgsAndChat(ApiArguments Args, long ChatId);
