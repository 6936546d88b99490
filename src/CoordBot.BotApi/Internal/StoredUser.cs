namespace CoordBot.BotApi.Internal;

internal sealed record StoredUser(long Id, string FirstName, string? Username, string? LastName, bool IsBot = false, string? LanguageCode = null);
