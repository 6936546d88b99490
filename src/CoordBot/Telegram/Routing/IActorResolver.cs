namespace CoordBot.Telegram.Routing;

/// <summary>Builds the <see cref="Actor"/> of an update from the sender's Telegram user id and the chat it came from.</summary>
public interface IActorResolver
{
    Task<Actor> ResolveAsync(UpdateSender sender, long chatId, Persistence.CoordBotDb db, DateTime nowUtc, CancellationToken cancellationToken);
}

public sealed record UpdateSender(long UserId, string FirstName, string? LastName, string? Username)
{
    public string DisplayName => string.IsNullOrWhiteSpace(LastName) ? FirstName : $"{FirstName} {LastName}";
}
