namespace CoordBot.Persistence;

public enum OutboxKind
{
    Text = 0,
    Document = 1,
    EditText = 2,
    AnswerCallback = 3,
}

/// <summary>SQL written by hand over the outbox, as literals (a parameter would keep the planner from a partial index).</summary>
public static class OutboxSql
{
    /// <summary>A pending row (<see cref="OutboxStatus.Pending"/>, whose value is 0).</summary>
    public const string Pending = "\"Status\" = 0";

    /// <summary>
    /// A pending row no sender has loaded (<see cref="OutboxMessage.LoadedTerm"/>): the filter of the partial index
    /// <c>IX_OutboxMessages_NeverLoaded</c> and the condition of the sender's claims once its term has swept the rest.
    /// </summary>
    public const string NeverLoaded = Pending + " AND \"LoadedTerm\" IS NULL";
}

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,

    /// <summary>Not sent: its moment (<see cref="OutboxMessage.NotAfter"/>) passed before it could go; LastError says when.</summary>
    Expired = 3,
}

/// <summary>
/// A message to send, written in the same transaction as the change that causes it; only the
/// delivery service reads it and talks to Telegram.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public long ChatId { get; set; }

    public OutboxKind Kind { get; set; }

    /// <summary>HTML text (user text already escaped) or a document caption.</summary>
    public string? Text { get; set; }

    /// <summary>Inline keyboard as JSON rows of [text, callback data] pairs, or a question's ForceReply object (<see cref="Telegram.Delivery.Outbox.Ask"/>).</summary>
    public string? Buttons { get; set; }

    public string? DocumentName { get; set; }

    public byte[]? DocumentContent { get; set; }

    /// <summary>
    /// For a <see cref="OutboxKind.Document"/> Telegram already holds (an original draft file a delegation sent): its file id,
    /// sent again by id, and no <see cref="DocumentContent"/>.
    /// </summary>
    public string? DocumentFileId { get; set; }

    /// <summary>For <see cref="OutboxKind.EditText"/>: the Telegram message to edit.</summary>
    public int? TargetMessageId { get; set; }

    /// <summary>For <see cref="OutboxKind.AnswerCallback"/>: the callback query id.</summary>
    public string? CallbackQueryId { get; set; }

    public DateTime CreatedAt { get; set; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    /// <summary>
    /// UTC; a message that says something about a moment ("starts in 10 minutes") is worthless after it:
    /// if it has not gone by then (a backlog, a restart), it is dropped as <see cref="OutboxStatus.Expired"/>.
    /// </summary>
    public DateTime? NotAfter { get; set; }

    public string? LastError { get; set; }

    public int? TelegramMessageId { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>
    /// Set (and committed) just before a request for this row goes to Telegram, cleared when its outcome
    /// is recorded. A pending row still claimed at start was in flight when the process stopped: it may
    /// have reached Telegram already and is sent again (at least once).
    /// </summary>
    public DateTime? ClaimedAt { get; set; }

    /// <summary>W3C traceparent of the activity that wrote the row (an update's handling), so its send joins that trace; null when none.</summary>
    public string? TraceParent { get; set; }

    /// <summary>
    /// The sender's term that loaded this row (PostgreSQL only): a sender claims pending rows not yet loaded in its term,
    /// since ids do not grow in commit order when instances write side by side.
    /// </summary>
    public long? LoadedTerm { get; set; }
}
