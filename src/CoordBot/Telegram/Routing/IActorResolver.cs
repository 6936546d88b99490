namespace CoordBot.Telegram.Routing;

/// <summary>Builds the <see cref="Actor"/> of an update from the sender's Telegram user id.</summary>
public interface IActorResolver
{
    Task<Actor> ResolveAsync(UpdateSender sender, Persistence.CoordBotDb db, CancellationToken cancellationToken);
}

public sealed record UpdateSender(long UserId, string FirstName, string? LastName, string? Username)
{
    public string DisplayName => string.IsNullOrWhiteSpace(LastName) ? FirstName : $"{FirstName} {LastName}";
}
