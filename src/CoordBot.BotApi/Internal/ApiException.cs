namespace CoordBot.BotApi.Internal;

/// <summary>A Telegram error answer, thrown from deep inside a method and turned into the envelope once.</summary>
internal sealed class ApiException(int errorCode, string description, int? retryAfter = null, long? migrateToChatId = null) : Exception(description)
{
    public int ErrorCode { get; } = errorCode;
    public int? RetryAfter { get; } = retryAfter;
    public long? MigrateToChatId { get; } = migrateToChatId;

    public static ApiException BadRequest(string detail) => new(400, "Bad Request: " + detail);

    public static ApiException ChatNotFound() => BadRequest("chat not found");
}
