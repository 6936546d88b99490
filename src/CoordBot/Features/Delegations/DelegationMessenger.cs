using CoordBot.Domain.Membership;
using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using CoordBot.Telegram.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoordBot.Features.Delegations;

/// <summary>
/// Where a message for a delegation goes: its linked group, or, with no group, each of its members
/// privately. Never to any other chat, so council business reaches only the delegation.
/// </summary>
public sealed class DelegationMessenger(IOptions<BotOptions> options)
{
    /// <summary>Recipients of each delegation: the group chat id, or the members' private chats (observers excluded unless asked).</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<long>>> RecipientsAsync(
        CoordBotDb db,
        IReadOnlyCollection<string> delegationCodes,
        bool includeObservers,
        CancellationToken cancellationToken) =>
        (await RecipientsWithLanguageAsync(db, delegationCodes, includeObservers, cancellationToken))
            .ToDictionary(r => r.Key, r => (IReadOnlyList<long>)[.. r.Value.Select(c => c.ChatId)]);

    /// <summary>Queues <paramref name="html"/> for each delegation; returns how many chats it goes to.</summary>
    public Task<int> SendAsync(
        CoordBotDb db,
        Outbox outbox,
        IReadOnlyCollection<string> delegationCodes,
        Func<string, string> htmlFor,
        CancellationToken cancellationToken,
        Func<string, IReadOnlyList<IReadOnlyList<Button>>?>? buttonsFor = null,
        bool includeObservers = false,
        StarterChat? starter = null)
    {
        ArgumentNullException.ThrowIfNull(htmlFor);
        return SendInLanguagesAsync(
            db,
            outbox,
            delegationCodes,
            (code, _) => htmlFor(code),
            cancellationToken,
            buttonsFor is null ? null : (code, _) => buttonsFor(code),
            includeObservers,
            starter);
    }

    /// <summary>
    /// Each delegation's recipient chats with the language each reads: its linked group in the group's language,
    /// or, with no group, each member privately in their own (<see cref="Localization.Languages.OfPerson"/>: chosen,
    /// else Telegram's last language_code, else English, also for a member not yet known as a person).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Recipient>>> RecipientsWithLanguageAsync(
        CoordBotDb db,
        IReadOnlyCollection<string> delegationCodes,
        bool includeObservers,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(delegationCodes);
        var groups = await db.DelegationGroups.AsNoTracking()
            .Where(g => delegationCodes.Contains(g.DelegationCode))
            .ToDictionaryAsync(g => g.DelegationCode, g => new Recipient(g.ChatId, Known(g.Language)), cancellationToken);
        // A member with no person row yet (seeded before they ever wrote) still receives the delegation's messages.
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.EndedAt == null && delegationCodes.Contains(m.DelegationCode) && (includeObservers || m.Role != DelegationRole.Observer))
            .Select(m => new
            {
                m.DelegationCode,
                m.UserId,
                Language = db.People.Where(p => p.UserId == m.UserId).Select(p => p.Language).FirstOrDefault(),
                Seen = db.People.Where(p => p.UserId == m.UserId).Select(p => p.TelegramLanguage).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var result = new Dictionary<string, IReadOnlyList<Recipient>>();
        foreach (var code in delegationCodes)
        {
            result[code] = groups.TryGetValue(code, out var group)
                ? [group]
                : members.Where(m => m.DelegationCode == code).Select(m => new Recipient(m.UserId, Localization.Languages.OfPerson(m.Language, m.Seen))).ToList();
        }

        return result;
    }

    /// <summary>
    /// Queues a message for each delegation written for each recipient's language: <paramref name="htmlFor"/>
    /// receives the delegation's code and the language. Whoever started what the message reports (<paramref name="starter"/>)
    /// hears it too in the chat where they started it, unless it goes there anyway: once per chat. Returns how many chats it goes to.
    /// </summary>
    public async Task<int> SendInLanguagesAsync(
        CoordBotDb db,
        Outbox outbox,
        IReadOnlyCollection<string> delegationCodes,
        Func<string, string, string> htmlFor,
        CancellationToken cancellationToken,
        Func<string, string, IReadOnlyList<IReadOnlyList<Button>>?>? buttonsFor = null,
        bool includeObservers = false,
        StarterChat? starter = null)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(htmlFor);
        var recipients = await RecipientsWithLanguageAsync(db, delegationCodes, includeObservers, cancellationToken);
        var count = 0;
        var reached = new HashSet<long>();
        foreach (var (code, chats) in recipients)
        {
            foreach (var chat in chats)
            {
                outbox.Send(chat.ChatId, htmlFor(code, chat.Language), buttonsFor?.Invoke(code, chat.Language));
                reached.Add(chat.ChatId);
                count++;
            }
        }

        if (starter is not null && !reached.Contains(starter.ChatId) && await StarterReaderAsync(db, starter, cancellationToken) is { } reader)
        {
            outbox.Send(reader.ChatId, htmlFor(starter.DelegationCode ?? string.Empty, reader.Language), starter.DelegationCode is { } own ? buttonsFor?.Invoke(own, reader.Language) : null);
            count++;
        }

        return count;
    }

    /// <summary>
    /// The starter's chat with its language, while it still belongs to the council: a private chat of someone still a
    /// member (not an observer) or an operator, or a group still linked to a delegation. Someone who left since hears nothing more.
    /// </summary>
    private async Task<Recipient?> StarterReaderAsync(CoordBotDb db, StarterChat starter, CancellationToken cancellationToken)
    {
        if (starter.ChatId < 0)
        {
            var group = await db.DelegationGroups.AsNoTracking().FirstOrDefaultAsync(g => g.ChatId == starter.ChatId, cancellationToken);
            return group is null ? null : new Recipient(group.ChatId, Known(group.Language));
        }

        var member = await db.Memberships.AsNoTracking().AnyAsync(m => m.UserId == starter.ChatId && m.EndedAt == null && m.Role != DelegationRole.Observer, cancellationToken);
        // A private chat reads its person's language: chosen, else their Telegram app's (as every notice to a person).
        var person = await db.People.AsNoTracking().Where(p => p.UserId == starter.ChatId).Select(p => new { p.Language, p.TelegramLanguage }).FirstOrDefaultAsync(cancellationToken);
        return member || options.Value.Operators.Contains(starter.ChatId) ? new Recipient(starter.ChatId, Localization.Languages.OfPerson(person?.Language, person?.TelegramLanguage)) : null;
    }

    private static string Known(string? language) => Localization.Languages.IsKnown(language) ? language! : Localization.Languages.English;
}

/// <summary>
/// The chat where someone started what a message reports (a vote they opened, a silence they began): they hear its
/// outcome there as well as in their delegation's chats. <paramref name="DelegationCode"/>, when known, gives the
/// buttons its delegation would get; without it the message goes without buttons.
/// </summary>
public sealed record StarterChat(long ChatId, string? DelegationCode = null);

/// <summary>A chat a delegation's message goes to, and the language it is written in there.</summary>
public sealed record Recipient(long ChatId, string Language);
