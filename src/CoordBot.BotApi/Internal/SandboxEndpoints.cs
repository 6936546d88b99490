using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoordBot.BotApi.Internal;

/// <summary>
/// The user side over HTTP, for a person with curl in the sandbox. It shows chats and messages only:
/// never the token, files, or anything else the bot configured.
/// </summary>
internal static class SandboxEndpoints
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState emulator)
    {
        var group = app.MapGroup("/_emulator");
        group.MapPost("/send", context => Run(context, body =>
        {
            var userId = Long(body, "user_id");
            var chatId = OptionalLong(body, "chat_id") ?? userId;
            if (body["first_name"] is not null || body["username"] is not null)
            {
                emulator.RegisterUser(userId, String(body, "first_name") ?? $"User{userId}", String(body, "username"), null);
            }

            return new JsonObject { ["update_id"] = emulator.SendText(chatId, userId, String(body, "text") ?? "") };
        }));
        group.MapPost("/press", context => Run(context, body => new JsonObject
        {
            ["update_id"] = emulator.PressButton(
                OptionalLong(body, "chat_id") ?? Long(body, "user_id"), Long(body, "user_id"), Long(body, "message_id"), String(body, "data") ?? ""),
        }));
        group.MapPost("/groups", context => Run(context, body =>
        {
            emulator.RegisterGroup(Long(body, "chat_id"), String(body, "title") ?? "Group");
            return new JsonObject { ["ok"] = true };
        }));
        group.MapGet("/chats", context => Write(context, 200, new JsonArray([.. emulator.Chats().Select(c => (JsonNode)new JsonObject
        {
            ["chat_id"] = c.ChatId,
            ["type"] = c.Type,
            ["title"] = c.Title,
            ["message_count"] = c.MessageCount,
        })])));
        group.MapGet("/chats/{chatId:long}/messages", context =>
        {
            var chatId = long.Parse((string)context.Request.RouteValues["chatId"]!, System.Globalization.CultureInfo.InvariantCulture);
            return Write(context, 200, new JsonArray([.. emulator.MessagesIn(chatId).Select(Describe)]));
        });
    }

    private static JsonNode Describe(SentMessage m)
    {
        var json = new JsonObject
        {
            ["message_id"] = m.MessageId,
            ["date"] = m.Date.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["text"] = m.PlainText,
        };
        if (m.DocumentName is not null)
        {
            json["document"] = m.DocumentName;
            json["caption"] = m.Caption;
        }

        json["buttons"] = new JsonArray([.. m.Buttons.Select(b => (JsonNode)new JsonObject { ["text"] = b.Text, ["data"] = b.CallbackData })]);
        json["deleted"] = m.Deleted;
        json["edit_count"] = m.EditCount;
        return json;
    }

    private static async Task Run(HttpContext context, Func<JsonObject, JsonNode> action)
    {
        JsonObject body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject
                ?? throw new ArgumentException("Send a JSON object.");
        }
        catch (JsonException ex)
        {
            await Write(context, 400, new JsonObject { ["error"] = "invalid JSON: " + ex.Message });
            return;
        }

        try
        {
            await Write(context, 200, action(body));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
        {
            await Write(context, 400, new JsonObject { ["error"] = ex.Message });
        }
    }

    private static long Long(JsonObject body, string name) =>
        OptionalLong(body, name) ?? throw new ArgumentException($"{name} is required.");

    private static long? OptionalLong(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<long>(out var n) => n,
        JsonValue v when v.TryGetValue<string>(out var s) => long.Parse(s, System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"{name} must be a number."),
    };

    private static string? String(JsonObject body, string name) => body[name]?.ToString();

    private static Task Write(HttpContext context, int status, JsonNode body) =>
        BotApiEndpoints.WriteAsync(context, new ApiResult(status, body.ToJsonString(ApiResult.Json)));
}
