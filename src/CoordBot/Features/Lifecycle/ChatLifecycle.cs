using CoordBot.Council;
using CoordBot.Domain.Membership;
using CoordBot.Features.Delegations;
using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot.Types.Enums;

namespace CoordBot.Features.Lifecycle;

/// <summary>
/// Telegram's group life cycle. A linked group upgraded to a supergroup gets a new id: the link follows it, and so
/// does every message still waiting for the old id (nothing lost, nothing twice). A group the bot was removed from is
/// unlinked and the head told privately. A person who blocks the bot is marked, and their head told that messages no
/// longer reach them; unblocking clears the mark. Each step is idempotent: the refused send and the update that says
/// the same thing may both arrive.
/// </summary>
internal sealed class ChatLifecycle(UnitOfWork unitOfWork, CouncilProvider council, TimeProvider time, ILogger<ChatLifecycle> logger) : IChatLifecycle
{
    public Task MigratedAsync(long oldChatId, long newChatId, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync((db, ct) => MigrateAsync(db, oldChatId, newChatId, Now, ct), cancellationToken);

    public Task LostAsync(long chatId, ChatLoss loss, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync((db, ct) => loss == ChatLoss.Blocked
            ? BlockedAsync(db, chatId, blocked: true, Now, ct)
            : RemovedAsync(db, chatId, Now, ct), cancellationToken);

    public async Task<bool> HandleUpdateAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var update = context.Update;
        switch (update)
        {
            case { Message.MigrateToChatId: { } newChatId }:
                await MigrateAsync(context.Db, context.ChatId, newChatId, context.NowUtc, cancellationToken);
                return true;
            case { Message.MigrateFromChatId: { } oldChatId }:
                await MigrateAsync(context.Db, oldChatId, context.ChatId, context.NowUtc, cancellationToken);
                return true;
            case { MyChatMember: { } change }:
                var status = change.NewChatMember.Status;
                if (context.IsPrivate)
                {
                    if (status is ChatMemberStatus.Kicked or ChatMemberStatus.Member)
                    {
                        await BlockedAsync(context.Db, context.ChatId, status == ChatMemberStatus.Kicked, context.NowUtc, cancellationToken);
                    }
                }
                else if (status is ChatMemberStatus.Left or ChatMemberStatus.Kicked)
                {
                    await RemovedAsync(context.Db, context.ChatId, context.NowUtc, cancellationToken);
                }

                return true;
            default:
                return false;
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private async Task MigrateAsync(CoordBotDb db, long oldChatId, long newChatId, DateTime now, CancellationToken cancellationToken)
    {
        var links = await db.DelegationGroups.Where(g => g.ChatId == oldChatId).ToListAsync(cancellationToken);
        foreach (var link in links)
        {
            link.ChatId = newChatId;
            db.AuditEntries.Add(new AuditEntry { At = now, ActorUserId = 0, Action = "group.migrated", Details = $"{link.DelegationCode} group {oldChatId} became supergroup {newChatId}" });
        }

        await db.SaveChangesAsync(cancellationToken);

        // New messages only: an edit or a button answer belongs to the old chat's messages and stays there.
        var moved = await db.OutboxMessages
            .Where(m => m.ChatId == oldChatId && m.Status == OutboxStatus.Pending && (m.Kind == OutboxKind.Text || m.Kind == OutboxKind.Document))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ChatId, newChatId), cancellationToken);
        if (links.Count > 0 || moved > 0)
        {
            logger.LogInformation("Group {OldChatId} became supergroup {NewChatId}: {Links} link(s) and {Messages} pending message(s) moved", oldChatId, newChatId, links.Count, moved);
        }
    }

    private async Task RemovedAsync(CoordBotDb db, long chatId, DateTime now, CancellationToken cancellationToken)
    {
        var links = await db.DelegationGroups.Where(g => g.ChatId == chatId).ToListAsync(cancellationToken);
        var outbox = new Outbox(db, now);
        foreach (var link in links)
        {
            db.DelegationGroups.Remove(link);
            db.AuditEntries.Add(new AuditEntry { At = now, ActorUserId = 0, Action = "group.unlinked", Details = $"{link.DelegationCode} group {chatId}: the bot was removed" });
            var title = Html.Escape(link.Title ?? chatId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var head in await LeadersAsync(db, link.DelegationCode, exceptUserId: null, cancellationToken))
            {
                var language = await Localization.ReaderLanguage.OfPersonAsync(db, head, cancellationToken);
                outbox.Send(head, Localization.Catalogue.Format(language, "Lifecycle.GroupRemoved", title, Html.Escape(council.Council.NameOf(link.DelegationCode, language))));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task BlockedAsync(CoordBotDb db, long userId, bool blocked, DateTime now, CancellationToken cancellationToken)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (person is null || (person.BlockedAt is not null) == blocked)
        {
            return; // a stranger, or nothing changed: the head has been told already
        }

        person.BlockedAt = blocked ? now : null;
        db.AuditEntries.Add(new AuditEntry { At = now, ActorUserId = userId, Action = blocked ? "person.blocked" : "person.unblocked", Details = $"user {userId}" });
        var membership = await db.Memberships.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == userId && m.EndedAt == null, cancellationToken);
        if (membership is not null)
        {
            var outbox = new Outbox(db, now);
            foreach (var head in await LeadersAsync(db, membership.DelegationCode, userId, cancellationToken))
            {
                var language = await Localization.ReaderLanguage.OfPersonAsync(db, head, cancellationToken);
                outbox.Send(head, Localization.Catalogue.Format(
                    language,
                    blocked ? "Lifecycle.Blocked" : "Lifecycle.Unblocked",
                    Html.Escape(person.DisplayName),
                    RoleNames.Describe(membership.Role, language),
                    Html.Escape(council.Council.NameOf(membership.DelegationCode, language))));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The head of the delegation, or the deputy when there is no head (or it is the head who is concerned).</summary>
    private static async Task<IReadOnlyList<long>> LeadersAsync(CoordBotDb db, string code, long? exceptUserId, CancellationToken cancellationToken)
    {
        var leaders = await db.Memberships.AsNoTracking()
            .Where(m => m.DelegationCode == code && m.EndedAt == null && (m.Role == DelegationRole.Head || m.Role == DelegationRole.Deputy) && m.UserId != exceptUserId)
            .Select(m => new { m.UserId, m.Role })
            .ToListAsync(cancellationToken);
        var heads = leaders.Where(l => l.Role == DelegationRole.Head).Select(l => l.UserId).ToList();
        return heads.Count > 0 ? heads : leaders.Select(l => l.UserId).ToList();
    }
}
