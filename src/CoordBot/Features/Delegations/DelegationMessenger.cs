using CoordBot.Domain.Membership;
using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using CoordBot.Telegram.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Delegations;

/// <summary>
/// Where a message for a delegation goes: its linked group, or, with no group, each of its members
/// privately. Never to any other chat, so council business reaches only the delegation.
/// </summary>
public sealed class DelegationMessenger
{
    /// <summary>Recipients of each delegation: the group chat id, or the members' private chats (observers excluded unless asked).</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<long>>> RecipientsAsync(
        CoordBotDb db,
        IReadOnlyCollection<string> delegationCodes,
        bool includeObservers,
        CancellationToken cancellationToken)
    {
        var groups = await db.DelegationGroups.AsNoTracking()
            .Where(g => delegationCodes.Contains(g.DelegationCode))
            .ToDictionaryAsync(g => g.DelegationCode, g => g.ChatId, cancellationToken);
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.EndedAt == null && delegationCodes.Contains(m.DelegationCode) && (includeObservers || m.Role != DelegationRole.Observer))
            .Select(m => new { m.DelegationCode, m.UserId })
            .ToListAsync(cancellationToken);
        var result = new Dictionary<string, IReadOnlyList<long>>();
        foreach (var code in delegationCodes)
        {
            result[code] = groups.TryGetValue(code, out var chat)
                ? [chat]
                : members.Where(m => m.DelegationCode == code).Select(m => m.UserId).ToList();
        }

        return result;
    }

    /// <summary>Queues <paramref name="html"/> for each delegation; returns how many chats it goes to.</summary>
    public async Task<int> SendAsync(
        CoordBotDb db,
        Outbox outbox,
        IReadOnlyCollection<string> delegationCodes,
        Func<string, string> htmlFor,
        CancellationToken cancellationToken,
        Func<string, IReadOnlyList<IReadOnlyList<Button>>?>? buttonsFor = null,
        bool includeObservers = false)
    {
        var recipients = await RecipientsAsync(db, delegationCodes, includeObservers, cancellationToken);
        var count = 0;
        foreach (var (code, chats) in recipients)
        {
            foreach (var chat in chats)
            {
                outbox.Send(chat, htmlFor(code), buttonsFor?.Invoke(code));
                count++;
            }
        }

        return count;
    }
}
