using System.Diagnostics;
using System.Text.Json;
using CoordBot.Localization;
using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace CoordBot.Telegram.Receiving;

/// <summary>
/// Handles stored updates with group commit: the oldest pending updates (at most <see cref="MaxBatch"/>,
/// or as many as fit in <see cref="BatchBudget"/>) are handled in update_id order (so each chat's in
/// order) inside ONE transaction, each update in its own savepoint and DbContext. An update's change,
/// its replies and its processed mark are in that transaction together, and one durable commit covers
/// the batch. A failing handler is rolled back to its savepoint alone, logged with the update id, and
/// the update is marked failed with an apology, in the same transaction; the other updates go on.
/// A crash before the commit loses nothing: the batch's updates are still unprocessed and are handled
/// again after the restart. Pending updates are read inside the write transaction, so two drains never
/// handle one update twice.
/// </summary>
public sealed class UpdateProcessor(
    UnitOfWork unitOfWork,
    UpdateRouter router,
    IActorResolver actors,
    BotIdentity identity,
    TimeProvider time,
    ILogger<UpdateProcessor> logger,
    CoordBot.Operations.Metrics.CoordBotMetrics metrics,
    CoordBot.Features.Bodies.UpdateBodies bodies)
{
    /// <summary>Most updates in one transaction.</summary>
    public const int MaxBatch = 200;

    /// <summary>
    /// No further update is started in a batch once this much real time has gone into it: the writer lock
    /// is held that long at most (plus one update), so storing new updates and recording deliveries wait little.
    /// </summary>
    public static readonly TimeSpan BatchBudget = TimeSpan.FromMilliseconds(30);

    private static readonly Func<CoordBotDb, int, IAsyncEnumerable<PendingUpdate>> Pending = EF.CompileAsyncQuery(
        (CoordBotDb db, int count) => db.InboxUpdates.AsNoTracking()
            .Where(u => u.ProcessedAt == null)
            .OrderBy(u => u.UpdateId)
            .Take(count)
            .Select(u => new PendingUpdate(u.UpdateId, u.Payload, u.ReceivedAt)));

    /// <summary>The budget of this processor's batches (<see cref="BatchBudget"/>; tests lengthen it to make batches deterministic).</summary>
    internal TimeSpan Budget { get; set; } = BatchBudget;

    /// <summary>Test hook: runs after the batch's last update, before the commit (throw to simulate a crash before the commit).</summary>
    internal Func<IReadOnlyList<long>, CancellationToken, Task>? OnBatchCommitting { get; set; }

    /// <summary>
    /// Handles one batch of pending updates; returns how many were handled (0: nothing was pending).
    /// If the batch fails as a whole (not one handler: the transaction itself), it is rolled back and the
    /// updates it had begun are handled again one per transaction, so one poisonous update cannot hold
    /// the others back.
    /// </summary>
    public async Task<int> ProcessPendingAsync(CancellationToken cancellationToken)
    {
        var progress = new Progress();
        try
        {
            return await ProcessBatchAsync(MaxBatch, progress, cancellationToken);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            logger.LogError(ex, "A batch of updates failed as a whole and was rolled back ({Count} begun, the last U{UpdateId}); handling them one at a time", progress.Started, progress.LastId);
        }

        var handled = 0;
        for (var i = 0; i < Math.Max(1, progress.Started); i++)
        {
            var single = new Progress();
            try
            {
                var count = await ProcessBatchAsync(1, single, cancellationToken);
                if (count == 0)
                {
                    break;
                }

                handled += count;
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested) && single.Started > 0)
            {
                logger.LogError(ex, "Update {UpdateId} failed; its changes were rolled back", single.LastId);
                await RecordFailureAloneAsync(single.LastId, ex, cancellationToken);
                handled++;
            }
        }

        return handled;
    }

    private Task<int> ProcessBatchAsync(int maxUpdates, Progress progress, CancellationToken cancellationToken) =>
        unitOfWork.RunBatchAsync(async (batch, ct) =>
        {
            var started = Stopwatch.GetTimestamp();

            var rows = new List<PendingUpdate>();
            await foreach (var row in Pending(batch.Host, maxUpdates).WithCancellation(ct))
            {
                rows.Add(row);
            }

            var handled = new List<long>(rows.Count);
            var marked = new List<long>(rows.Count);
            foreach (var row in rows)
            {
                if (handled.Count > 0 && Stopwatch.GetElapsedTime(started) > Budget)
                {
                    break;
                }

                progress.Begin(row.UpdateId);
                handled.Add(row.UpdateId);
                var began = Stopwatch.GetTimestamp();
                var ok = await HandleAsync(batch, row, ct);
                metrics.UpdateHandled(ok, Stopwatch.GetElapsedTime(began));
                if (ok)
                {
                    marked.Add(row.UpdateId);
                }
            }

            if (OnBatchCommitting is { } committing)
            {
                await committing(handled, ct);
            }

            if (marked.Count > 0)
            {
                var now = time.GetUtcNow().UtcDateTime;
                await batch.Host.InboxUpdates
                    .Where(u => marked.Contains(u.UpdateId))
                    .ExecuteUpdateAsync(s => s.SetProperty(u => u.ProcessedAt, now), ct);
            }

            return handled.Count;
        }, cancellationToken);

    /// <summary>Handles one update in its own savepoint; false when its failure was recorded instead (already marked).</summary>
    private async Task<bool> HandleAsync(SharedTransaction batch, PendingUpdate row, CancellationToken cancellationToken)
    {
        var read = Read(row.Payload);
        if (read.Unreadable is { } why)
        {
            // Recorded with the reason and never tried again: an update nobody can read must not hold back the rest.
            logger.LogWarning("Update {UpdateId} could not be read ({Reason}); skipped", row.UpdateId, why);
            await batch.RunStepAsync((db, ct) => MarkAsync(db, row.UpdateId, "Skipped: " + why, ct), cancellationToken);
            return false;
        }

        if (read.Update is not { } update || Describe(update) is not var (chatId, chatType, sender))
        {
            logger.LogDebug("Update {UpdateId} carries nothing the bot handles; skipped", row.UpdateId);
            return true;
        }

        using var scope = CoordBot.Operations.LogScopes.ForUpdate(logger, row.UpdateId, chatId, update);
        // Current while the handler runs, so the outbox rows it writes carry its traceparent.
        using var activity = CoordBot.Operations.Metrics.CoordBotTracing.StartUpdate(row.UpdateId, chatId, update);
        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            await batch.RunStepAsync(async (db, ct) =>
            {
                // The body this update acts in (issue 25), in scope for everything under it.
                var choice = await bodies.ChooseAsync(db, update, chatId, sender.UserId, ct);
                using var body = choice.BodyId is { } bodyId ? BodyScope.Enter(bodyId) : null;
                var actor = await actors.ResolveAsync(sender, chatId, db, now, ct);
                var context = new UpdateContext(db, update, chatId, chatType, actor, now, identity.Username, row.ReceivedAt);
                if (choice.Ask is { } candidates)
                {
                    CoordBot.Features.Bodies.BodyQuestion.Ask(context, choice.CommandName!, candidates);
                    return;
                }

                await router.RouteAsync(context, ct);
            }, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not SharedTransactionBrokenException && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            logger.LogError(ex, "Update {UpdateId} failed; its changes were rolled back", row.UpdateId);
            activity?.SetStatus(ActivityStatusCode.Error);
            await batch.RunStepAsync((db, ct) => RecordFailureAsync(db, row.UpdateId, update, chatId, ex, ct), cancellationToken);
            return false;
        }
    }

    /// <summary>
    /// The last resort when even a batch of one cannot commit: the failure alone, in its own transaction; and if
    /// even the apology cannot be written, the mark without it, so the update is never tried again for ever.
    /// </summary>
    private async Task RecordFailureAloneAsync(long updateId, Exception exception, CancellationToken cancellationToken)
    {
        try
        {
            await unitOfWork.RunAsync(async (db, ct) =>
            {
                var payload = await db.InboxUpdates.AsNoTracking()
                    .Where(u => u.UpdateId == updateId && u.ProcessedAt == null)
                    .Select(u => u.Payload)
                    .SingleOrDefaultAsync(ct);
                if (payload is null)
                {
                    return;
                }

                var update = Read(payload).Update;
                var chatId = update is null ? null : Describe(update)?.ChatId;
                await RecordFailureAsync(db, updateId, update, chatId, exception, ct);
            }, cancellationToken);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            logger.LogError(ex, "The failure of update {UpdateId} could not be answered; it is marked failed without an apology", updateId);
            await unitOfWork.RunAsync((db, ct) => MarkAsync(db, updateId, $"{exception.GetType().Name}: {exception.Message}", ct), cancellationToken);
        }
    }

    private async Task RecordFailureAsync(CoordBotDb db, long updateId, Update? update, long? chatId, Exception exception, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await MarkAsync(db, updateId, $"{exception.GetType().Name}: {exception.Message}", cancellationToken);
        if (update is null || chatId is not { } chat)
        {
            return;
        }

        var outbox = new Outbox(db, now);
        var (personal, ofChat) = await LanguagesAsync(db, update, chat, cancellationToken);
        if (update.CallbackQuery is { } query)
        {
            outbox.AnswerCallback(chat, query.Id, Catalogue.Text(personal, "Ops.Failure.Toast"));
        }

        outbox.Send(chat, Catalogue.Format(ofChat, "Ops.Failure.Apology", $"U{updateId}"));
    }

    /// <summary>
    /// The languages of an apology, looked up again (the failed update's context is gone with its rollback) as the
    /// actor resolver picks them: the sender's (chosen, else Telegram's language_code) for a toast; the chat's
    /// (a linked group's own, else English; the sender's in a private chat) for the message.
    /// </summary>
    private static async Task<(string Personal, string OfChat)> LanguagesAsync(CoordBotDb db, Update update, long chatId, CancellationToken cancellationToken)
    {
        var sender = Describe(update)?.Sender;
        var chosen = sender is null ? null : await db.People.AsNoTracking().Where(p => p.UserId == sender.UserId).Select(p => p.Language).FirstOrDefaultAsync(cancellationToken);
        var personal = Languages.OfPerson(chosen, sender?.LanguageCode);
        if (chatId > 0)
        {
            return (personal, personal);
        }

        var group = await db.DelegationGroups.AsNoTracking().Where(g => g.ChatId == chatId).Select(g => g.Language).FirstOrDefaultAsync(cancellationToken);
        return (personal, Languages.IsKnown(group) ? group! : Languages.English);
    }

    private Task MarkAsync(CoordBotDb db, long updateId, string error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.InboxUpdates
            .Where(u => u.UpdateId == updateId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.ProcessedAt, now).SetProperty(u => u.Error, error), cancellationToken);
    }

    /// <summary>
    /// The update as Telegram.Bot reads it, with its text cleaned (<see cref="InboundText"/>); or why it cannot
    /// be read. Never throws: whatever the payload holds, the library's exception is the reason, not a crash.
    /// </summary>
    private static ReadUpdate Read(string payload)
    {
        Update? update;
        try
        {
            update = JsonSerializer.Deserialize<Update>(payload, JsonBotAPI.Options);
        }
        catch (Exception ex)
        {
            return new ReadUpdate(null, $"not a Telegram update ({ex.GetType().Name})");
        }

        if (update is null)
        {
            return new ReadUpdate(null, "not a Telegram update (null)");
        }

        // The library leaves a missing required object null, whatever its type says.
        if (update.Message is { } message && (message.Chat is null || message.Chat.Id == 0))
        {
            return new ReadUpdate(null, "a message without its chat");
        }

        if (update.CallbackQuery is { } query && (query.From is null || query.Id is null || (query.Message is { } source && source.Chat is null)))
        {
            return new ReadUpdate(null, "a button press without its sender, id or chat");
        }

        InboundText.CleanUpdate(update);
        return new ReadUpdate(update, null);
    }

    private static (long ChatId, ChatType ChatType, UpdateSender Sender)? Describe(Update update)
    {
        switch (update)
        {
            case { Message: { From: { } from } message }:
                return (message.Chat.Id, message.Chat.Type, Sender(from));
            case { MyChatMember: { From: { } by } change }:
                return (change.Chat.Id, change.Chat.Type, Sender(by));
            case { CallbackQuery: { } query }:
                return query.Message is { } source
                    ? (source.Chat.Id, source.Chat.Type, Sender(query.From))
                    : (query.From.Id, ChatType.Private, Sender(query.From));
            default:
                return null;
        }
    }

    private static UpdateSender Sender(User user) => new(user.Id, user.FirstName, user.LastName, user.Username, user.LanguageCode);

    /// <summary>An update waiting in the inbox; <see cref="ReceivedAt"/> bounds the send time a message claims.</summary>
    private sealed record PendingUpdate(long UpdateId, string Payload, DateTime ReceivedAt);

    private sealed record ReadUpdate(Update? Update, string? Unreadable);

    private sealed class Progress
    {
        public int Started { get; private set; }

        public long LastId { get; private set; }

        public void Begin(long updateId)
        {
            Started++;
            LastId = updateId;
        }
    }
}
