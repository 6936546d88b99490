namespace CoordBot.BotApi;

/// <summary>What the bot answered to a button press (answerCallbackQuery).</summary>
public sealed record CallbackAnswer(string CallbackQueryId, string? Text, bool ShowAlert, string? Url);
