using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoordBot.BotApi.Internal;

/// <summary>An HTTP answer in Telegram's envelope.</summary>
internal sealed record ApiResult(int StatusCode, string Body, string ContentType = "application/json")
{
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static ApiResult Ok(JsonNode? result) =>
        new(200, new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString(Json));

    public static ApiResult Error(int code, string description, int? retryAfter = null, long? migrateToChatId = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } seconds)
        {
            body["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }
        else if (migrateToChatId is { } newChat)
        {
            body["parameters"] = new JsonObject { ["migrate_to_chat_id"] = newChat };
        }

        return new(code, body.ToJsonString(Json));
    }

    public static ApiResult From(ApiException ex) => Error(ex.ErrorCode, ex.Message, ex.RetryAfter, ex.MigrateToChatId);
}
