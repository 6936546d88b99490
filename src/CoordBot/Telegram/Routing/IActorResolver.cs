namespace CoordBot.Telegram.Routing;

/// <summary>Builds the <see cref="Actor"/> of an update from the sender's Telegram user id and the chat it came from.</summary>
public interface IActorResolver
{
    Task<Actor> ResolveAsync(UpdateSender sender, long chatId, Persistence.CoordBotDb db, DateTime nowUtc, CancellationToken cancellationToken);
}

/// <param name="LanguageCode">Telegram's language_code of the user (an IETF tag), the default of their language.</param>
public sealed record UpdateSender(long UserId, string FirstName, string? LastName, string? Username, string? LanguageCode = null)
{
    public string DisplayName => string.IsNullOrWhiteSpace(LastName) ? FirstName : $"{FirstName} {LastName}";
}
