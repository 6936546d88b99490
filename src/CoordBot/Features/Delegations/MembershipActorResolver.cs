using DelegationRole = CoordBot.Domain.Membership.DelegationRole;
using CoordBot.Localization;
using CoordBot.Persistence;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoordBot.Features.Delegations;

/// <summary>Knows operators (from configuration) and members (from the database); remembers each sender's name.</summary>
internal sealed class MembershipActorResolver(IOptions<BotOptions> options, PresidencyService presidency) : IActorResolver
{
    /// <summary>LastSeenAt is a coarse fact: writing it on every update would turn each read-only command into a row update.</summary>
    private static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    /// <summary>The sender's active membership, and their Person row (tracked) if they have one: one round trip.</summary>
    private static readonly Func<CoordBotDb, long, CancellationToken, Task<Known?>> KnownSender = EF.CompileAsyncQuery(
        (CoordBotDb db, long userId, CancellationToken _) => db.People
            .Where(p => p.UserId == userId)
            .Select(p => new Known(
                p,
                db.Memberships.Where(m => m.UserId == userId && m.EndedAt == null).Select(m => m.DelegationCode).FirstOrDefault(),
                db.Memberships.Where(m => m.UserId == userId && m.EndedAt == null).Select(m => (DelegationRole?)m.Role).FirstOrDefault()))
            .FirstOrDefault());

    private static readonly Func<CoordBotDb, long, CancellationToken, Task<ActiveMembership?>> MembershipOf = EF.CompileAsyncQuery(
        (CoordBotDb db, long userId, CancellationToken _) => db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.EndedAt == null)
            .Select(m => new ActiveMembership(m.DelegationCode, m.Role))
            .SingleOrDefault());

    private static readonly Func<CoordBotDb, long, CancellationToken, Task<LinkedChat?>> DelegationOfChat = EF.CompileAsyncQuery(
        (CoordBotDb db, long chatId, CancellationToken _) => db.DelegationGroups.AsNoTracking()
            .Where(g => g.ChatId == chatId)
            .Select(g => new LinkedChat(g.DelegationCode, g.Language))
            .SingleOrDefault());

    public async Task<Actor> ResolveAsync(UpdateSender sender, long chatId, CoordBotDb db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var known = await KnownSender(db, sender.UserId, cancellationToken);
        Person person;
        if (known is null)
        {
            // First contact (a membership may exist already, e.g. seeded by an operator).
            person = new Person { UserId = sender.UserId, DisplayName = sender.DisplayName, FirstSeenAt = nowUtc, LastSeenAt = nowUtc };
            db.People.Add(person);
            var membership = await MembershipOf(db, sender.UserId, cancellationToken);
            known = new Known(person, membership?.DelegationCode, membership?.Role);
        }
        else
        {
            person = known.Person;
        }

        // Assigning an equal value changes nothing: EF writes only what differs.
        person.DisplayName = sender.DisplayName;
        person.Username = sender.Username;
        if (Languages.Tag(sender.LanguageCode) is { } tag)
        {
            // Remembered, so that a notice to them later (no update of theirs at hand) is in their language too.
            person.TelegramLanguage = tag;
        }
        if (nowUtc - person.LastSeenAt >= LastSeenResolution || nowUtc < person.LastSeenAt)
        {
            person.LastSeenAt = nowUtc;
        }

        var chatDelegation = chatId < 0 ? await DelegationOfChat(db, chatId, cancellationToken) : null;
        var president = await presidency.PresidentCodeAsync(db, nowUtc, cancellationToken);
        return new Actor(
            sender.UserId,
            sender.DisplayName,
            options.Value.Operators.Contains(sender.UserId),
            known.DelegationCode,
            known.DelegationCode is null ? null : known.Role,
            person.TimeZone,
            president,
            chatDelegation?.DelegationCode,
            ReaderLanguage.OfPerson(person.Language, person.TelegramLanguage),
            chatDelegation?.Language,
            person.TimeZoneSetAt is not null);
    }

    private sealed record ActiveMembership(string DelegationCode, DelegationRole Role);

    private sealed record LinkedChat(string DelegationCode, string? Language);

    private sealed record Known(Person Person, string? DelegationCode, DelegationRole? Role);
}
