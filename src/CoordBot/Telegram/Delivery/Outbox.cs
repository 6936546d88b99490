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

    public void SendDocument(long chatId, string fileName, byte[] content, string? captionHtml = null)
    {
        var row = NewRow(chatId, OutboxKind.Document, captionHtml, null);
        row.DocumentName = fileName;
        row.DocumentContent = content;
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

    public static IReadOnlyList<IReadOnlyList<Button>>? ParseButtons(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<List<List<Button>>>(json);
}
