using System.Diagnostics;
using System.Text.Json;
using CoordBot.Localization;
using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
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
/// handle one update twice. On PostgreSQL, where instances handle updates side by side, a batch first claims chats
/// (<see cref="ISqlDialect.ClaimChatHeads"/>: each chat's oldest unhandled update, <c>FOR UPDATE SKIP LOCKED</c>) and
/// handles only their updates, so each chat stays in order and chats run in parallel; an update that lost a race on a
/// shared row (<see cref="Contention"/>) is handled again, never apologised for.
/// </summary>
public sealed class UpdateProcessor(
    UnitOfWork unitOfWork,
    UpdateRouter router,
    IActorResolver actors,
    BotIdentity identity,
    TimeProvider time,
    ILogger<UpdateProcessor> logger,
    CoordBot.Operations.Metrics.CoordBotMetrics metrics,
    ISqlDialect dialect,
    CoordBot.Features.Bodies.UpdateBodies bodies)
{
    /// <summary>Most updates in one transaction.</summary>
    public const int MaxBatch = 200;

    /// <summary>
    /// No further update is started in a batch once this much real time has gone into it: the writer lock
    /// is held that long at most (plus one update), so storing new updates and recording deliveries wait little.
    /// </summary>
    public static readonly TimeSpan BatchBudget = TimeSpan.FromMilliseconds(30);

    /// <summary>
    /// Most chats one batch claims (PostgreSQL): few enough that another instance finds chats of its own while this one
    /// works, and a batch rarely holds a chat it has no time left to handle.
    /// </summary>
    public const int ChatsPerClaim = 16;

    /// <summary>
    /// How many chats the next batch claims (PostgreSQL): as many as the last batches got through in their budget, plus
    /// one, doubling while batches finish everything they claimed, at most <see cref="ChatsPerClaim"/>. A batch that claims
    /// chats it has no time for reads their updates for nothing and keeps them from the other instances until its commit:
    /// measured on a busy 2-core machine, batches claimed 16 chats and handled about two updates (docs/scale-out.md).
    /// </summary>
    private int _claimChats = ChatsPerClaim;

    private TimeSpan _budget = BatchBudget;

    /// <summary>How often an update that lost a race on a shared row is tried again in its batch before it counts as failed.</summary>
    private const int ContentionRetries = 5;

    private long _handledHere;

    /// <summary>How many updates this processor has handled (committed or not); for the cluster tests and benchmark.</summary>
    public long HandledHere => Interlocked.Read(ref _handledHere);

    private static readonly Func<CoordBotDb, int, IAsyncEnumerable<PendingUpdate>> Pending = EF.CompileAsyncQuery(
        (CoordBotDb db, int count) => db.InboxUpdates.AsNoTracking()
            .Where(u => u.ProcessedAt == null)
            .OrderBy(u => u.UpdateId)
            .Take(count)
            .Select(u => new PendingUpdate(u.UpdateId, u.ChatId, u.Payload, u.ReceivedAt)));

    /// <summary>The budget of this processor's batches (<see cref="BatchBudget"/>; tests lengthen it to make batches deterministic).</summary>
    internal TimeSpan Budget
    {
        get => _budget;
        set
        {
            _budget = value;
            _claimChats = ChatsPerClaim;
        }
    }

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

            var (rows, allClaimed) = dialect.ClaimsRows ? await ClaimAsync(batch.Host, maxUpdates, ct) : (await ReadOldestAsync(batch.Host, maxUpdates, ct), false);

            var handled = new List<long>(rows.Count);
            var marked = new List<long>(rows.Count);
            foreach (var row in rows)
            {
                if (handled.Count > 0 && Stopwatch.GetElapsedTime(started) > Budget)
                {
                    break;
                }

                progress.Begin(row.UpdateId);
                var began = Stopwatch.GetTimestamp();
                var outcome = await HandleAsync(batch, row, first: handled.Count == 0, ct);
                if (outcome == Handling.Deferred)
                {
                    // Lost a race on a shared row while this batch holds others: it is left unhandled (and its chat's later
                    // updates with it), and is the first of a later batch, which retries it with nothing else held.
                    progress.Undo();
                    break;
                }

                handled.Add(row.UpdateId);
                Interlocked.Increment(ref _handledHere);
                metrics.UpdateHandled(outcome == Handling.Done, Stopwatch.GetElapsedTime(began));
                if (outcome == Handling.Done)
                {
                    marked.Add(row.UpdateId);
                }
            }

            if (dialect.ClaimsRows && rows.Count > 0)
            {
                _claimChats = handled.Count < rows.Count
                    ? Math.Clamp(rows.Take(handled.Count).Select(r => r.ChatId).Distinct().Count() + 1, 1, ChatsPerClaim)
                    : Math.Min(ChatsPerClaim, _claimChats * 2);
            }

            if (dialect.ClaimsRows && handled.Count > 0 && (handled.Count < rows.Count || allClaimed) && dialect.AnnounceInbox is { } announce)
            {
                // Work is left that this batch kept from the others while it ran: wake them (delivered at the commit).
                await batch.Host.Database.ExecuteSqlRawAsync(announce, ct);
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

    /// <summary>The oldest pending updates: the whole inbox is this process's (SQLite, one writer).</summary>
    private static async Task<List<PendingUpdate>> ReadOldestAsync(CoordBotDb db, int maxUpdates, CancellationToken cancellationToken)
    {
        var rows = new List<PendingUpdate>();
        await foreach (var row in Pending(db, maxUpdates).WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// Claims up to <see cref="ChatsPerClaim"/> chats nobody else is handling (their heads stay locked until the commit)
    /// and reads their unhandled updates, oldest first, in one statement (<see cref="ISqlDialect.ClaimChatHeads"/>).
    /// AllClaimed: as many chats as asked for were claimed, so more may wait.
    /// </summary>
    private async Task<(List<PendingUpdate> Rows, bool AllClaimed)> ClaimAsync(CoordBotDb db, int maxUpdates, CancellationToken cancellationToken)
    {
        var rows = new List<PendingUpdate>();
        long claimed = 0;
        var chats = Math.Min(_claimChats, maxUpdates);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = dialect.ClaimChatHeads!;
        AddParameter(command, "@chats", chats);
        AddParameter(command, "@max", maxUpdates);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var chat = reader.IsDBNull(1) ? (long?)null : reader.GetInt64(1);
            rows.Add(new PendingUpdate(reader.GetInt64(0), chat, reader.GetString(2), DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc)));
            claimed = reader.GetInt64(4);
        }

        return (rows, maxUpdates > 1 && claimed == chats);
    }

    private static void AddParameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>
    /// Handles one update in its own savepoint: Done; Failed when its failure was recorded instead (already marked); Deferred
    /// when it lost a race on a shared row (<see cref="Contention"/>) and is left unhandled. The first update of a batch
    /// holds nothing else, so it is simply tried again a few times; a later one is deferred to a batch of its own, because
    /// trying again while this batch holds the rows of the updates before it could meet the same other writer again.
    /// </summary>
    private async Task<Handling> HandleAsync(SharedTransaction batch, PendingUpdate row, bool first, CancellationToken cancellationToken)
    {
        var read = Read(row.Payload);
        if (read.Unreadable is { } why)
        {
            // Recorded with the reason and never tried again: an update nobody can read must not hold back the rest.
            logger.LogWarning("Update {UpdateId} could not be read ({Reason}); skipped", row.UpdateId, why);
            await batch.RunStepAsync((db, ct) => MarkAsync(db, row.UpdateId, "Skipped: " + why, ct), cancellationToken);
            return Handling.Failed;
        }

        if (read.Update is not { } update || UpdateOrigin.Of(update) is not { } origin)
        {
            logger.LogDebug("Update {UpdateId} carries nothing the bot handles; skipped", row.UpdateId);
            return Handling.Done;
        }

        var (chatId, chatType, sender) = origin;
        using var scope = CoordBot.Operations.LogScopes.ForUpdate(logger, row.UpdateId, chatId, update);
        // Current while the handler runs, so the outbox rows it writes carry its traceparent.
        using var activity = CoordBot.Operations.Metrics.CoordBotTracing.StartUpdate(row.UpdateId, chatId, update);
        var now = time.GetUtcNow().UtcDateTime;
        // The body this update acts in (issue 25), chosen before the step that handles it so that all the step does, its
        // save included, runs in that body's scope; chosen once, since choosing takes a typed key off the command.
        CoordBot.Features.Bodies.BodyChoice? choice = null;
        (int Id, Actor There)? asked = null;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                choice ??= bodies.IsMultiBody
                    ? await batch.RunStepAsync((db, ct) => bodies.ChooseAsync(db, update, chatId, sender.UserId, ct), cancellationToken)
                    : CoordBot.Features.Bodies.BodyChoice.OneBody;
                if (choice.Ask is { } candidates && asked is null)
                {
                    var commandName = choice.CommandName;
                    // Asked only among the bodies whose rule admits the sender: one needs no question; none, the gate refuses in the first.
                    asked = await batch.RunStepAsync(async (db, ct) =>
                    {
                        var actor = await actors.ResolveAsync(sender, chatId, db, now, ct);
                        var command = router.Commands.FirstOrDefault(c => string.Equals(c.Info.Name, commandName, StringComparison.OrdinalIgnoreCase));
                        var each = await bodies.AsInEachAsync(db, candidates, actor, now, ct);
                        // Each body's own declaration: a command may be declared per kind of body (/blue is not used in a committee).
                        var admitting = each.Where(b =>
                        {
                            using var there = BodyScope.Enter(b.Body.Id);
                            return command?.Info.IsOfferedTo(b.Actor) ?? true;
                        }).ToList();
                        if (admitting.Count > 1)
                        {
                            CoordBot.Features.Bodies.BodyQuestion.Ask(new UpdateContext(db, update, chatId, chatType, actor, now, identity.Username, row.ReceivedAt), commandName!, [.. admitting.Select(a => a.Body)]);
                            return ((int, Actor)?)null;
                        }

                        var (only, there) = admitting.Count == 1 ? admitting[0] : each[0];
                        return (only.Id, there);
                    }, cancellationToken);
                    if (asked is null)
                    {
                        return Handling.Done;
                    }
                }

                using var body = (asked?.Id ?? choice.BodyId) is { } bodyId ? BodyScope.Enter(bodyId) : null;
                await batch.RunStepAsync(async (db, ct) =>
                {
                    var actor = asked?.There ?? await actors.ResolveAsync(sender, chatId, db, now, ct);
                    await router.RouteAsync(new UpdateContext(db, update, chatId, chatType, actor, now, identity.Username, row.ReceivedAt), ct);
                }, cancellationToken);
                return Handling.Done;
            }
            catch (Exception ex) when (dialect.ClaimsRows && Contention.Is(ex) && ex is not SharedTransactionBrokenException && (!first || attempt < ContentionRetries))
            {
                logger.LogDebug(ex, "Update {UpdateId} met another writer (attempt {Attempt}); its changes were rolled back and it is handled again", row.UpdateId, attempt);
                if (!first)
                {
                    return Handling.Deferred;
                }
            }
            catch (Exception ex) when (ex is not SharedTransactionBrokenException && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                await FailAsync(ex);
                return Handling.Failed;
            }
        }

        async Task FailAsync(Exception ex)
        {
            logger.LogError(ex, "Update {UpdateId} failed; its changes were rolled back", row.UpdateId);
            activity?.SetStatus(ActivityStatusCode.Error);
            await batch.RunStepAsync((db, ct) => RecordFailureAsync(db, row.UpdateId, update, origin, ex, ct), cancellationToken);
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
                await RecordFailureAsync(db, updateId, update, update is null ? null : UpdateOrigin.Of(update), exception, ct);
            }, cancellationToken);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            logger.LogError(ex, "The failure of update {UpdateId} could not be answered; it is marked failed without an apology", updateId);
            await unitOfWork.RunAsync((db, ct) => MarkAsync(db, updateId, $"{exception.GetType().Name}: {exception.Message}", ct), cancellationToken);
        }
    }

    private async Task RecordFailureAsync(CoordBotDb db, long updateId, Update? update, UpdateOrigin? origin, Exception exception, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await MarkAsync(db, updateId, $"{exception.GetType().Name}: {exception.Message}", cancellationToken);
        if (update is null || origin is null)
        {
            return;
        }

        var chat = origin.ChatId;

        var outbox = new Outbox(db, now);
        var (personal, ofChat) = await LanguagesAsync(db, origin, cancellationToken);
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
    private static async Task<(string Personal, string OfChat)> LanguagesAsync(CoordBotDb db, UpdateOrigin origin, CancellationToken cancellationToken)
    {
        var (chatId, _, sender) = origin;
        var chosen = await db.People.AsNoTracking().Where(p => p.UserId == sender.UserId).Select(p => p.Language).FirstOrDefaultAsync(cancellationToken);
        // The update's own language_code, fresher than the one remembered (the remembering rolled back with the update).
        var personal = ReaderLanguage.OfPerson(chosen, sender.LanguageCode);
        if (chatId > 0)
        {
            return (personal, personal);
        }

        var group = await db.DelegationGroups.AsNoTracking().Where(g => g.ChatId == chatId).Select(g => g.Language).FirstOrDefaultAsync(cancellationToken);
        return (personal, ReaderLanguage.OfGroup(group));
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

    /// <summary>An update waiting in the inbox; <see cref="ReceivedAt"/> bounds the send time a message claims.</summary>
    private sealed record PendingUpdate(long UpdateId, long? ChatId, string Payload, DateTime ReceivedAt);

    private sealed record ReadUpdate(Update? Update, string? Unreadable);

    private enum Handling
    {
        Done,
        Failed,
        Deferred,
    }

    private sealed class Progress
    {
        public int Started { get; private set; }

        public long LastId { get; private set; }

        public void Begin(long updateId)
        {
            Started++;
            LastId = updateId;
        }

        /// <summary>The update begun last was left for a later batch.</summary>
        public void Undo() => Started--;
    }
}
