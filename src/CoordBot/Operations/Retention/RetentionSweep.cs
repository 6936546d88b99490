using CoordBot.Domain.Membership;
using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using CoordBot.Telegram.Guides;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoordBot.Operations.Retention;

public sealed record RetentionResult(int Updates, int Messages, int Invitations, int LapsedGuides, int LiveMessages);

/// <summary>
/// Deletes operational rows past their retention period: handled updates, sent messages and unused
/// invitations long expired, guided commands left unanswered past their lapse, and the pointers to live messages
/// (an attendance summary, a speakers list) not changed for as long as sent messages are kept: the outbox row they
/// point to is gone by then, so the next change would send a new message anyway. Nothing else, ever: ballots, ballot logs, votes, results, explanations,
/// drafts and their versions, audit entries and records stay for the audit. Unhandled updates, unsent
/// and failed messages stay too: they are work or evidence of a fault, not history.
/// </summary>
public sealed class RetentionSweep(UnitOfWork unitOfWork, TimeProvider time, IOptions<RetentionOptions> options, ILogger<RetentionSweep> logger)
{
    /// <summary>Rows deleted per transaction: each batch takes the write gate briefly, so replies are not held up behind a large sweep.</summary>
    private const int Batch = 500;

    public async Task<RetentionResult> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var updatesBefore = now - settings.ProcessedUpdates;
        var messagesBefore = now - settings.SentMessages;
        var invitationsBefore = now - InvitationRules.Validity - settings.ExpiredInvitations;

        var updates = await DeleteAsync(db => db.InboxUpdates.Where(u => u.ProcessedAt != null && u.ProcessedAt < updatesBefore).OrderBy(u => u.UpdateId).Take(Batch), cancellationToken);
        var messages = await DeleteAsync(db => db.OutboxMessages.Where(m => m.Status == OutboxStatus.Sent && m.SentAt != null && m.SentAt < messagesBefore).OrderBy(m => m.Id).Take(Batch), cancellationToken);
        var invitations = await DeleteAsync(db => db.Invitations.Where(i => i.UsedAt == null && i.CreatedAt < invitationsBefore).OrderBy(i => i.Token).Take(Batch), cancellationToken);

        var guides = await DeleteAsync(db => db.Set<GuideState>().Where(g => g.ExpiresAt < now).OrderBy(g => g.ChatId).ThenBy(g => g.UserId).Take(Batch), cancellationToken);

        var live = await DeleteAsync(db => db.Set<LiveMessage>().Where(m => m.UpdatedAt < messagesBefore).OrderBy(m => m.ChatId).ThenBy(m => m.Topic).Take(Batch), cancellationToken);

        var result = new RetentionResult(updates, messages, invitations, guides, live);
        logger.LogInformation("Retention: deleted {Updates} handled updates, {Messages} sent messages, {Invitations} expired invitations, {Guides} lapsed guided commands and {Live} idle live messages", updates, messages, invitations, guides, live);
        return result;
    }

    private async Task<int> DeleteAsync<T>(Func<CoordBotDb, IQueryable<T>> batch, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var deleted = await unitOfWork.RunAsync((db, ct) => batch(db).ExecuteDeleteAsync(ct), cancellationToken);
            total += deleted;
            if (deleted < Batch)
            {
                return total;
            }
        }
    }
}
