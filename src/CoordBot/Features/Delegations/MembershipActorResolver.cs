using CoordBot.Persistence;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoordBot.Features.Delegations;

/// <summary>Knows operators (from configuration) and members (from the database); remembers each sender's name.</summary>
internal sealed class MembershipActorResolver(IOptions<BotOptions> options, PresidencyService presidency) : IActorResolver
{
    public async Task<Actor> ResolveAsync(UpdateSender sender, long chatId, CoordBotDb db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var person = await db.People.FindAsync([sender.UserId], cancellationToken);
        if (person is null)
        {
            person = new Person { UserId = sender.UserId, DisplayName = sender.DisplayName, FirstSeenAt = nowUtc };
            db.People.Add(person);
        }

        person.DisplayName = sender.DisplayName;
        person.Username = sender.Username;
        person.LastSeenAt = nowUtc;

        var membership = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == sender.UserId && m.EndedAt == null)
            .Select(m => new { m.DelegationCode, m.Role })
            .SingleOrDefaultAsync(cancellationToken);
        var chatDelegation = chatId < 0
            ? await db.DelegationGroups.AsNoTracking().Where(g => g.ChatId == chatId).Select(g => g.DelegationCode).SingleOrDefaultAsync(cancellationToken)
            : null;
        var president = await presidency.PresidentCodeAsync(db, nowUtc, cancellationToken);
        return new Actor(
            sender.UserId,
            sender.DisplayName,
            options.Value.Operators.Contains(sender.UserId),
            membership?.DelegationCode,
            membership?.Role,
            person.TimeZone,
            president,
            chatDelegation);
    }
}
