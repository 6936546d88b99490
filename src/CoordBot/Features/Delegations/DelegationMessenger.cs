using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using CoordBot.Telegram.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoordBot.Features.Delegations;

/// <summary>
/// The one fan-out to delegations (<see cref="DeliverAsync"/>): where a message for a delegation goes (its linked group, or,
/// with no group, each of its members privately; never to any other chat, so council business reaches only the
/// delegation) and in which language each reader reads it. Drafts, sessions and votes all tell delegations through it.
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

    /// <summary>
    /// Each delegation's recipient chats with the language each reads: its linked group in the group's language,
    /// or, with no group, each member privately in their own (<see cref="ReaderLanguage"/>: chosen,
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
            .ToDictionaryAsync(g => g.DelegationCode, g => new Recipient(g.ChatId, ReaderLanguage.OfGroup(g.Language)), cancellationToken);
        // A member with no person row yet (seeded before they ever wrote) still receives the delegation's messages.
        var ungrouped = delegationCodes.Where(c => !groups.ContainsKey(c)).ToList();
        var members = ungrouped.Count == 0 ? [] : await db.Memberships.AsNoTracking()
            .Where(m => m.EndedAt == null && ungrouped.Contains(m.DelegationCode) && (includeObservers || m.Role != DelegationRole.Observer))
            .Select(m => new { m.DelegationCode, m.UserId })
            .ToListAsync(cancellationToken);
        var languages = members.Count == 0 ? new Dictionary<long, string>() : await ReaderLanguage.OfPeopleAsync(db, [.. members.Select(m => m.UserId)], cancellationToken);
        var result = new Dictionary<string, IReadOnlyList<Recipient>>();
        foreach (var code in delegationCodes)
        {
            result[code] = groups.TryGetValue(code, out var group)
                ? [group]
                : members.Where(m => m.DelegationCode == code).Select(m => new Recipient(m.UserId, languages[m.UserId])).ToList();
        }

        return result;
    }

    /// <summary>
    /// Queues a message for each delegation written for each recipient's language: <paramref name="htmlFor"/>
    /// receives the delegation's code and the language (see <see cref="DeliverAsync"/>). Returns how many chats it goes to.
    /// </summary>
    public Task<int> SendInLanguagesAsync(
        CoordBotDb db,
        Outbox outbox,
        IReadOnlyCollection<string> delegationCodes,
        Func<string, string, string> htmlFor,
        CancellationToken cancellationToken,
        Func<string, string, IReadOnlyList<IReadOnlyList<Button>>?>? buttonsFor = null,
        bool includeObservers = false,
        StarterChat? starter = null)
    {
        ArgumentNullException.ThrowIfNull(htmlFor);
        return DeliverAsync(db, outbox, new DelegationNotice(delegationCodes, reader => htmlFor(reader.DelegationCode, reader.Language))
        {
            Buttons = buttonsFor is null ? null : reader => buttonsFor(reader.DelegationCode, reader.Language),
            IncludeObservers = includeObservers,
            Starter = starter,
        }, cancellationToken);
    }

    /// <summary>
    /// The one fan-out of the bot: queues <paramref name="notice"/> through the outbox (so it goes with the change that caused
    /// it, or not at all) for each of its delegations: the linked group in the group's language, or with no group each
    /// member privately in their own; once per chat, never to a chat told already (<see cref="DelegationNotice.Except"/>).
    /// Whoever started what the notice reports (<see cref="DelegationNotice.Starter"/>) hears it too in the chat where they
    /// started it, unless it goes there anyway. Returns how many chats it goes to.
    /// </summary>
    public async Task<int> DeliverAsync(CoordBotDb db, Outbox outbox, DelegationNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(notice);
        var recipients = await RecipientsWithLanguageAsync(db, notice.Codes, notice.IncludeObservers, cancellationToken);
        var reached = new HashSet<long>(notice.Except);
        var readers = new List<NoticeReader>();
        foreach (var (code, chats) in recipients)
        {
            readers.AddRange(chats.Where(chat => (!notice.GroupOnly || chat.ChatId < 0) && reached.Add(chat.ChatId)).Select(chat => new NoticeReader(code, chat.ChatId, chat.Language)));
        }

        if (notice.Starter is { } starter && !reached.Contains(starter.ChatId) && await StarterReaderAsync(db, starter, cancellationToken) is { } reader)
        {
            readers.Add(new NoticeReader(starter.DelegationCode ?? string.Empty, reader.ChatId, reader.Language) { IsStarter = true });
        }

        var zones = notice.WithOwnZones ? await OwnZonesAsync(db, readers, cancellationToken) : null;
        foreach (var each in readers)
        {
            var to = zones is not null && zones.TryGetValue(each.ChatId, out var zone) ? each with { OwnZone = zone } : each;
            // A starter outside the delegations reads no delegation's buttons.
            var buttons = to.IsStarter && notice.Starter!.DelegationCode is null ? null : notice.Buttons?.Invoke(to);
            if (notice.DocumentFileId is { } fileId)
            {
                outbox.SendDocumentById(to.ChatId, fileId, notice.Html(to));
            }
            else
            {
                outbox.Send(to.ChatId, notice.Html(to), buttons);
            }
        }

        return readers.Count;
    }

    /// <summary>The zone each private reader chose (or was given); groups, whose readers sit in many zones, have none.</summary>
    private static async Task<Dictionary<long, string>> OwnZonesAsync(CoordBotDb db, IReadOnlyCollection<NoticeReader> readers, CancellationToken cancellationToken)
    {
        var people = readers.Where(r => r.ChatId > 0).Select(r => r.ChatId).Distinct().ToList();
        return people.Count == 0
            ? []
            : await db.People.AsNoTracking().Where(p => people.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, p => p.TimeZone, cancellationToken);
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
            return group is null ? null : new Recipient(group.ChatId, ReaderLanguage.OfGroup(group.Language));
        }

        var member = await db.Memberships.AsNoTracking().AnyAsync(m => m.UserId == starter.ChatId && m.EndedAt == null && m.Role != DelegationRole.Observer, cancellationToken);
        return member || options.Value.Operators.Contains(starter.ChatId) ? new Recipient(starter.ChatId, await ReaderLanguage.OfPersonAsync(db, starter.ChatId, cancellationToken)) : null;
    }
}

/// <summary>
/// The chat where someone started what a message reports (a vote they opened, a silence they began): they hear its
/// outcome there as well as in their delegation's chats. <paramref name="DelegationCode"/>, when known, gives the
/// buttons its delegation would get; without it the message goes without buttons.
/// </summary>
public sealed record StarterChat(long ChatId, string? DelegationCode = null);

/// <summary>A chat a delegation's message goes to, and the language it is written in there.</summary>
public sealed record Recipient(long ChatId, string Language);

/// <summary>
/// Something every chat of some delegations is to be told (<see cref="DelegationMessenger.DeliverAsync"/>): the text, and the
/// buttons, each written for one reader.
/// </summary>
public sealed record DelegationNotice(IReadOnlyCollection<string> Codes, Func<NoticeReader, string> Html)
{
    public Func<NoticeReader, IReadOnlyList<IReadOnlyList<Button>>?>? Buttons { get; init; }

    /// <summary>Observers' private chats too (an Arria-formula meeting admits them).</summary>
    public bool IncludeObservers { get; init; }

    public StarterChat? Starter { get; init; }

    /// <summary>Chats told already, left out: the chat a command was answered in, voters who got a ballot of their own.</summary>
    public IReadOnlyCollection<long> Except { get; init; } = [];

    /// <summary>Only to the delegations' linked groups: a delegation without one is not told.</summary>
    public bool GroupOnly { get; init; }

    /// <summary>Look up each private reader's own time zone (<see cref="NoticeReader.OwnZone"/>).</summary>
    public bool WithOwnZones { get; init; }

    /// <summary>Sent as this Telegram file (a draft's original document), <see cref="Html"/> its caption.</summary>
    public string? DocumentFileId { get; init; }
}

/// <summary>One chat a notice goes to: for which delegation, in which language, and (when asked for) its reader's own zone.</summary>
public sealed record NoticeReader(string DelegationCode, long ChatId, string Language)
{
    /// <summary>The private reader's own zone, when <see cref="DelegationNotice.WithOwnZones"/>; null in a group.</summary>
    public string? OwnZone { get; init; }

    /// <summary>The starter's own chat (<see cref="StarterChat"/>) rather than one of the delegations'.</summary>
    public bool IsStarter { get; init; }
}
