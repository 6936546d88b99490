using System.Text.Json.Nodes;

namespace CoordBot.BotApi.Internal;

/// <summary>A message the bot sent; mutable because edits and deletions change it in place.</summary>
internal sealed class StoredMessage(long chatId, long messageId, DateTimeOffset date)
{
    public long ChatId { get; } = chatId;
    public long MessageId { get; } = messageId;
    public DateTimeOffset Date { get; } = date;
    public DateTimeOffset? EditDate { get; set; }
    public string? Text { get; set; }
    public string? PlainText { get; set; }
    public string? ParseMode { get; set; }
    public JsonArray? Entities { get; set; }
    public JsonObject? ReplyMarkup { get; set; }
    public StoredFile? Document { get; set; }
    public string? Caption { get; set; }
    public string? PlainCaption { get; set; }
    public JsonArray? CaptionEntities { get; set; }
    public bool Deleted { get; set; }
    public int EditCount { get; set; }

    /// <summary>The message this one answers (reply_parameters.message_id), in the same chat.</summary>
    public long? ReplyToMessageId { get; set; }

    /// <summary>Place among the chat's events (see <see cref="StoredUserEvent.Seq"/>).</summary>
    public long Seq { get; set; }

    public SentMessage ToSentMessage() => new(
        ChatId, MessageId, Text, ParseMode, ReplyMarkup?.ToJsonString(), Date,
        Document?.FileName, Document?.Content, Caption, Deleted, EditCount)
    {
        PlainText = PlainText ?? PlainCaption,
        ReplyToMessageId = ReplyToMessageId,
    };
}
