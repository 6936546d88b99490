using System.Text.Json;
using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using CoordBot.Telegram.Routing;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace CoordBot.Telegram.Receiving;

/// <summary>
/// Handles one stored update in one unit of work: the handler's change, its replies and the
/// processed mark commit together. A failure rolls all of that back, is logged with the update id,
/// and gets the user a short apology; the next update is handled as usual.
/// </summary>
public sealed class UpdateProcessor(
    UnitOfWork unitOfWork,
    UpdateRouter router,
    IActorResolver actors,
    BotIdentity identity,
    TimeProvider time,
    ILogger<UpdateProcessor> logger)
{
    public async Task ProcessAsync(long updateId, CancellationToken cancellationToken)
    {
        try
        {
            await unitOfWork.RunAsync(async (db, ct) =>
            {
                var row = await db.InboxUpdates.FindAsync([updateId], ct);
                if (row is null || row.ProcessedAt is not null)
                {
                    return; // handled already: a repeated update has no second effect
                }

                var now = time.GetUtcNow().UtcDateTime;
                row.ProcessedAt = now;
                var update = Parse(row.Payload);
                if (update is null || Describe(update) is not var (chatId, chatType, sender))
                {
                    logger.LogWarning("Update {UpdateId} carries nothing the bot handles; skipped", updateId);
                    return;
                }

                var actor = await actors.ResolveAsync(sender, chatId, db, now, ct);
                var context = new UpdateContext(db, update, chatId, chatType, actor, now, identity.Username);
                await router.RouteAsync(context, ct);
            }, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Update {UpdateId} failed; its changes were rolled back", updateId);
            await RecordFailureAsync(updateId, ex, cancellationToken);
        }
    }

    private async Task RecordFailureAsync(long updateId, Exception exception, CancellationToken cancellationToken)
    {
        await unitOfWork.RunAsync(async (db, ct) =>
        {
            var row = await db.InboxUpdates.FindAsync([updateId], ct);
            if (row is null)
            {
                return;
            }

            var now = time.GetUtcNow().UtcDateTime;
            row.ProcessedAt = now;
            row.Error = $"{exception.GetType().Name}: {exception.Message}";
            var update = Parse(row.Payload);
            if (update is null || Describe(update) is not var (chatId, _, _))
            {
                return;
            }

            var outbox = new Outbox(db, now);
            if (update.CallbackQuery is { } query)
            {
                outbox.AnswerCallback(chatId, query.Id, "Sorry, that did not work. Nothing was changed.");
            }

            outbox.Send(chatId, $"Sorry, something went wrong while handling that, and nothing was changed. Please try again; if it keeps happening, tell an operator (reference U{updateId}).");
        }, cancellationToken);
    }

    private Update? Parse(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<Update>(payload, JsonBotAPI.Options);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "An update could not be read as a Telegram update");
            return null;
        }
    }

    private static (long ChatId, ChatType ChatType, UpdateSender Sender)? Describe(Update update)
    {
        switch (update)
        {
            case { Message: { From: { } from } message }:
                return (message.Chat.Id, message.Chat.Type, Sender(from));
            case { CallbackQuery: { } query }:
                return query.Message is { } source
                    ? (source.Chat.Id, source.Chat.Type, Sender(query.From))
                    : (query.From.Id, ChatType.Private, Sender(query.From));
            default:
                return null;
        }
    }

    private static UpdateSender Sender(User user) => new(user.Id, user.FirstName, user.LastName, user.Username);
}
