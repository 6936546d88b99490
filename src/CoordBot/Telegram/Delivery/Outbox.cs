using System.Text.Json;
using CoordBot.Persistence;
using CoordBot.Telegram.Rendering;

namespace CoordBot.Telegram.Delivery;

/// <summary>
/// Writes outgoing messages into the current unit of work. Nothing here talks to Telegram: the rows
/// are sent by <see cref="DeliveryService"/> once the transaction has committed.
/// </summary>
public sealed class Outbox(CoordBotDb db, DateTime nowUtc)
{
    /// <summary>UTC; what this outbox writes is dropped, not sent late, if it has not gone by then (a reminder: the session's start).</summary>
    public DateTime? NotAfter { get; init; }

    /// <summary>The instant of the unit of work this outbox writes for (UTC).</summary>
    public DateTime NowUtc => nowUtc;

    /// <summary>Queues an HTML message (user text must already be escaped); long texts become several messages. Returns the last (the one with the buttons).</summary>
    public OutboxMessage Send(long chatId, string html, IReadOnlyList<IReadOnlyList<Button>>? buttons = null)
    {
        var parts = MessageSplitter.Split(html) is { Count: > 0 } split ? split : [html];
        OutboxMessage? last = null;
        for (var i = 0; i < parts.Count; i++)
        {
            last = NewRow(chatId, OutboxKind.Text, parts[i], i == parts.Count - 1 ? buttons : null);
            db.OutboxMessages.Add(last);
        }

        return last!;
    }

    /// <summary>
    /// Queues a question for one person in a group: Telegram's ForceReply, selective, so their client opens a reply to it by
    /// itself; sent as a reply to <paramref name="replyToMessageId"/> (their message), or mentioning them in the text.
    /// </summary>
    public OutboxMessage Ask(long chatId, string html, int? replyToMessageId)
    {
        var parts = MessageSplitter.Split(html) is { Count: > 0 } split ? split : [html];
        OutboxMessage? last = null;
        for (var i = 0; i < parts.Count; i++)
        {
            last = NewRow(chatId, OutboxKind.Text, parts[i], null);
            if (i == parts.Count - 1)
            {
                last.Buttons = JsonSerializer.Serialize(new ForceReply(replyToMessageId));
            }

            db.OutboxMessages.Add(last);
        }

        return last!;
    }

    public void SendDocument(long chatId, string fileName, byte[] content, string? captionHtml = null)
    {
        var row = NewRow(chatId, OutboxKind.Document, captionHtml, null);
        row.DocumentName = fileName;
        row.DocumentContent = content;
        db.OutboxMessages.Add(row);
    }

    /// <summary>Queues a file Telegram already holds (one a user sent the bot), sent again by its file id: durable like every other message.</summary>
    public void SendDocumentById(long chatId, string fileId, string? captionHtml = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileId);
        var row = NewRow(chatId, OutboxKind.Document, captionHtml, null);
        row.DocumentFileId = fileId;
        db.OutboxMessages.Add(row);
    }

    public OutboxMessage EditText(long chatId, int messageId, string html, IReadOnlyList<IReadOnlyList<Button>>? buttons = null)
    {
        var row = NewRow(chatId, OutboxKind.EditText, html, buttons);
        row.TargetMessageId = messageId;
        db.OutboxMessages.Add(row);
        return row;
    }

    /// <summary>Every button press is answered, or the user's client keeps spinning.</summary>
    public void AnswerCallback(long chatId, string callbackQueryId, string? text = null)
    {
        var row = NewRow(chatId, OutboxKind.AnswerCallback, text, null);
        row.CallbackQueryId = callbackQueryId;
        db.OutboxMessages.Add(row);
    }

    private OutboxMessage NewRow(long chatId, OutboxKind kind, string? text, IReadOnlyList<IReadOnlyList<Button>>? buttons) => new()
    {
        ChatId = chatId,
        Kind = kind,
        Text = text,
        Buttons = buttons is null ? null : JsonSerializer.Serialize(buttons),
        CreatedAt = nowUtc,
        NextAttemptAt = nowUtc,
        NotAfter = NotAfter,
        Status = OutboxStatus.Pending,
        TraceParent = Operations.Metrics.CoordBotTracing.CurrentTraceParent(),
    };

    /// <summary>The inline keyboard of a row; null for none (and for a ForceReply question, which has no keyboard).</summary>
    public static IReadOnlyList<IReadOnlyList<Button>>? ParseButtons(string? json) =>
        json is null || ReadForceReply(json) is not null ? null : JsonSerializer.Deserialize<List<List<Button>>>(json);

    /// <summary>The ForceReply of a question (<see cref="Ask"/>): the column holds either keyboard rows (a JSON array) or this object.</summary>
    public static ForceReply? ReadForceReply(string? json) =>
        json is { Length: > 0 } && json[0] == '{' ? JsonSerializer.Deserialize<ForceReply>(json) : null;
}

/// <summary>A question's reply markup: Telegram's selective ForceReply, answering the person's message when there is one.</summary>
public sealed record ForceReply(int? ReplyToMessageId)
{
    /// <summary>Marks the stored JSON as a ForceReply rather than keyboard rows.</summary>
    public bool Force { get; init; } = true;
}
