namespace CoordBot.BotApi.Internal;

internal sealed class StoredChat(long id, string? title)
{
    public long Id { get; } = id;
    public string? Title { get; set; } = title;
    public bool IsGroup => Id < 0;
    public long NextMessageId { get; set; } = 1;
    public List<StoredMessage> BotMessages { get; } = [];
    public Dictionary<long, string> MemberStatus { get; } = [];
    public List<string> Log { get; } = [];
}
