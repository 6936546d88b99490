using CoordBot.Persistence;
using Microsoft.Extensions.Options;

namespace CoordBot.Telegram.Routing;

/// <summary>Knows operators only; the delegations feature replaces it with one that knows memberships.</summary>
internal sealed class OperatorsActorResolver(IOptions<BotOptions> options) : IActorResolver
{
    public Task<Actor> ResolveAsync(UpdateSender sender, CoordBotDb db, CancellationToken cancellationToken) =>
        Task.FromResult(new Actor(sender.UserId, sender.DisplayName, options.Value.Operators.Contains(sender.UserId)));
}
