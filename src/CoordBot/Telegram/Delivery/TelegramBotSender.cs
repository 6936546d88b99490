using CoordBot.Persistence;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace CoordBot.Telegram.Delivery;

internal sealed class TelegramBotSender(BotConnection connection, IOptions<DeliveryOptions> options) : IBotSender
{
    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    public async Task<int?> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var client = connection.Client;
        switch (message.Kind)
        {
            case OutboxKind.Text:
                return await SendTextAsync(client, message, cancellationToken);
            case OutboxKind.Document when message.DocumentFileId is { } fileId:
                var again = await client.SendDocument(
                    message.ChatId,
                    InputFile.FromFileId(fileId),
                    caption: message.Text,
                    parseMode: ParseMode.Html,
                    allowPaidBroadcast: options.Value.PaidBroadcast,
                    cancellationToken: cancellationToken);
                return again.Id;
            case OutboxKind.Document:
                using (var stream = new MemoryStream(message.DocumentContent ?? []))
                {
                    var document = await client.SendDocument(
                        message.ChatId,
                        InputFile.FromStream(stream, message.DocumentName ?? "document.txt"),
                        caption: message.Text,
                        parseMode: ParseMode.Html,
                        allowPaidBroadcast: options.Value.PaidBroadcast,
                        cancellationToken: cancellationToken);
                    return document.Id;
                }

            case OutboxKind.EditText:
                try
                {
                    var edited = await client.EditMessageText(
                        message.ChatId,
                        message.TargetMessageId ?? throw new InvalidOperationException($"Outbox {message.Id}: an edit without a target message."),
                        message.Text ?? string.Empty,
                        parseMode: ParseMode.Html,
                        replyMarkup: Keyboard(message.Buttons),
                        linkPreviewOptions: NoPreview,
                        cancellationToken: cancellationToken);
                    return edited.Id;
                }
                catch (ApiRequestException refused) when (IsGone(refused))
                {
                    // The message was deleted or is too old to edit: the news goes out as a new message rather than being lost.
                    return await SendTextAsync(client, message, cancellationToken);
                }

            case OutboxKind.AnswerCallback:
                await client.AnswerCallbackQuery(
                    message.CallbackQueryId ?? throw new InvalidOperationException($"Outbox {message.Id}: an answer without a callback query."),
                    message.Text,
                    cancellationToken: cancellationToken);
                return null;
            default:
                throw new InvalidOperationException($"Outbox {message.Id}: unknown kind {message.Kind}.");
        }
    }

    private async Task<int> SendTextAsync(ITelegramBotClient client, OutboxMessage message, CancellationToken cancellationToken)
    {
        var question = Outbox.ReadForceReply(message.Buttons);
        var sent = await client.SendMessage(
            message.ChatId,
            message.Text ?? string.Empty,
            parseMode: ParseMode.Html,
            replyParameters: question?.ReplyToMessageId is { } replyTo ? new ReplyParameters { MessageId = replyTo, AllowSendingWithoutReply = true } : null,
            replyMarkup: question is null ? Keyboard(message.Buttons) : new ForceReplyMarkup { Selective = true },
            linkPreviewOptions: NoPreview,
            allowPaidBroadcast: options.Value.PaidBroadcast,
            cancellationToken: cancellationToken);
        return sent.Id;
    }

    private static bool IsGone(ApiRequestException refused) =>
        refused.ErrorCode == 400
        && (refused.Message.Contains("message to edit not found", StringComparison.OrdinalIgnoreCase)
            || refused.Message.Contains("message can't be edited", StringComparison.OrdinalIgnoreCase));

    private static InlineKeyboardMarkup? Keyboard(string? json)
    {
        // A question's ForceReply cannot be edited into a message: an edit of one keeps no keyboard.
        var rows = Outbox.ParseButtons(json);
        return rows is null
            ? null
            : new InlineKeyboardMarkup(rows.Select(row => row.Select(b => InlineKeyboardButton.WithCallbackData(b.Text, b.Data))));
    }
}
