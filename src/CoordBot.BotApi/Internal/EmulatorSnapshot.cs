using System.Text.Json.Nodes;

namespace CoordBot.BotApi.Internal;

/// <summary>
/// The emulator's state as saved in the sandbox's state file: enough that a restarted sandbox knows every
/// person, chat, message and file it knew, and hands out update ids the bot has not seen.
/// </summary>
internal sealed record EmulatorSnapshot
{
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;
    public long NextUpdateId { get; init; }
    public long NextFileNumber { get; init; }
    public long NextCallbackNumber { get; init; }
    public long ChangeVersion { get; init; }
    public List<UserRecord> Users { get; init; } = [];
    public List<ChatRecord> Chats { get; init; } = [];
    public List<FileRecord> Files { get; init; } = [];
    public List<JsonObject> PendingUpdates { get; init; } = [];
    public Dictionary<string, List<BotCommandInfo>> Commands { get; init; } = [];
    public Dictionary<string, long[]> CallbackQueries { get; init; } = [];

    internal sealed record UserRecord(long Id, string FirstName, string? Username, string? LastName);

    internal sealed record FileRecord(string FileId, string FileUniqueId, string FileName, string MimeType, byte[] Content, string FilePath);

    internal sealed record ChatRecord
    {
        public long Id { get; init; }
        public string? Title { get; init; }
        public long NextMessageId { get; init; }
        public long Version { get; init; }
        public Dictionary<long, string> MemberStatus { get; init; } = [];
        public List<string> Log { get; init; } = [];
        public List<MessageRecord> Messages { get; init; } = [];
        public List<EventRecord> Events { get; init; } = [];
    }

    internal sealed record MessageRecord
    {
        public long MessageId { get; init; }
        public long Seq { get; init; }
        public DateTimeOffset Date { get; init; }
        public DateTimeOffset? EditDate { get; init; }
        public string? Text { get; init; }
        public string? PlainText { get; init; }
        public string? ParseMode { get; init; }
        public JsonArray? Entities { get; init; }
        public JsonObject? ReplyMarkup { get; init; }
        public string? DocumentFileId { get; init; }
        public string? Caption { get; init; }
        public string? PlainCaption { get; init; }
        public JsonArray? CaptionEntities { get; init; }
        public bool Deleted { get; init; }
        public int EditCount { get; init; }
        public long? ReplyToMessageId { get; init; }
    }

    internal sealed record EventRecord(long Seq, UserEventKind Kind, long FromUserId, DateTimeOffset Date, long? MessageId, string? Text, string? DocumentFileId, long? ReplyToMessageId = null);
}
