using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoordBot.BotApi.Internal;

/// <summary>
/// The user side over HTTP, for the sandbox page and a person with curl. It shows people, chats, messages and
/// the documents in them only: never the token, or anything else the bot configured.
/// </summary>
internal static class SandboxEndpoints
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState emulator, Func<BotApiEmulator> self)
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

            return new JsonObject { ["update_id"] = emulator.SendText(chatId, userId, String(body, "text") ?? "", OptionalLong(body, "reply_to_message_id")) };
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
            var chatId = RouteLong(context, "chatId");
            return Write(context, 200, new JsonArray([.. emulator.MessagesIn(chatId).Select(Describe)]));
        });
        MapPageSide(group, emulator, self);
    }

    /// <summary>What the page adds to the curl side: people, conversations, documents, live changes, the clock and scripted scenes.</summary>
    private static void MapPageSide(RouteGroupBuilder group, EmulatorState emulator, Func<BotApiEmulator> self)
    {
        var oneAction = new SemaphoreSlim(1, 1);
        group.MapGet("/people", context => Write(context, 200, emulator.PeopleJson()));
        group.MapPost("/people", context => Run(context, body =>
        {
            var name = String(body, "first_name")?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                throw new ArgumentException("first_name is required: the name shown for this person.");
            }

            return new JsonObject { ["user_id"] = emulator.RegisterUser(Long(body, "user_id"), name, NullIfBlank(String(body, "username")), NullIfBlank(String(body, "last_name"))) };
        }));
        group.MapGet("/overview", context => Write(context, 200, emulator.ChatListJson()));
        group.MapGet("/chats/{chatId:long}/timeline", context =>
            emulator.TimelineJson(RouteLong(context, "chatId")) is { } timeline
                ? Write(context, 200, timeline)
                : Write(context, 404, new JsonObject { ["error"] = "No such chat." }));
        group.MapGet("/chats/{chatId:long}/commands", context =>
        {
            // The "/" menu this person sees in this chat, resolved from the lists the bot set as Telegram resolves them.
            var chatId = RouteLong(context, "chatId");
            var userId = long.TryParse(context.Request.Query["user_id"], System.Globalization.CultureInfo.InvariantCulture, out var u) ? u : chatId;
            return emulator.MenuJson(chatId, userId, NullIfBlank(context.Request.Query["language_code"])) is { } menu
                ? Write(context, 200, menu)
                : Write(context, 404, new JsonObject { ["error"] = "No such chat." });
        });
        group.MapGet("/chats/{chatId:long}/messages/{messageId:long}/document", async context =>
        {
            if (emulator.DocumentIn(RouteLong(context, "chatId"), RouteLong(context, "messageId")) is not { } file)
            {
                await Write(context, 404, new JsonObject { ["error"] = "That message has no document." });
                return;
            }

            context.Response.ContentType = file.MimeType;
            context.Response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment") { FileNameStar = file.FileName }.ToString();
            context.Response.ContentLength = file.Content.Length;
            await context.Response.Body.WriteAsync(file.Content, context.RequestAborted);
        });
        group.MapPost("/send-document", async context =>
        {
            if (!context.Request.HasFormContentType)
            {
                await Write(context, 400, new JsonObject { ["error"] = "Send a multipart form with user_id, chat_id, caption and file." });
                return;
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (form.Files.GetFile("file") is not { Length: > 0 } upload
                || !long.TryParse(form["user_id"], System.Globalization.CultureInfo.InvariantCulture, out var userId))
            {
                await Write(context, 400, new JsonObject { ["error"] = "user_id and a non-empty file are required." });
                return;
            }

            var chatId = long.TryParse(form["chat_id"], System.Globalization.CultureInfo.InvariantCulture, out var c) ? c : userId;
            using var content = new MemoryStream();
            await upload.CopyToAsync(content, context.RequestAborted);
            try
            {
                var caption = NullIfBlank(form["caption"]);
                await Write(context, 200, new JsonObject { ["update_id"] = emulator.SendDocument(chatId, userId, Path.GetFileName(upload.FileName), content.ToArray(), caption) });
            }
            catch (ArgumentException ex)
            {
                await Write(context, 400, new JsonObject { ["error"] = ex.Message });
            }
        });
        group.MapGet("/events", context => StreamChangesAsync(context, emulator));
        group.MapGet("/clock", context => Write(context, 200, ClockJson(emulator)));
        group.MapPost("/clock", async context =>
        {
            JsonObject? body = null;
            try
            {
                body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
            }
            catch (JsonException)
            {
            }

            if (emulator.Options.AdvanceClock is not { } advance)
            {
                await Write(context, 409, new JsonObject { ["error"] = "This emulator's clock cannot be moved (only the sandbox's can)." });
                return;
            }

            var minutes = body?["minutes"] is JsonValue v && v.TryGetValue<double>(out var m) ? m : double.NaN;
            if (!(minutes > 0 && minutes <= 366 * 24 * 60))
            {
                await Write(context, 400, new JsonObject { ["error"] = "Give minutes: a number above 0, at most a year (527040)." });
                return;
            }

            await advance(TimeSpan.FromMinutes(minutes), context.RequestAborted);
            await Write(context, 200, ClockJson(emulator));
        });
        group.MapGet("/actions", context => Write(context, 200, new JsonArray([.. emulator.Options.Actions.Select(a => (JsonNode)new JsonObject
        {
            ["id"] = a.Id,
            ["label"] = a.Label,
            ["description"] = a.Description,
        })])));
        group.MapPost("/actions/{id}", async context =>
        {
            var id = (string)context.Request.RouteValues["id"]!;
            if (emulator.Options.Actions.FirstOrDefault(a => a.Id == id) is not { } action)
            {
                await Write(context, 404, new JsonObject { ["error"] = $"No action '{id}'." });
                return;
            }

            if (!oneAction.Wait(0))
            {
                await Write(context, 409, new JsonObject { ["error"] = "Another action is still running; wait for it to finish." });
                return;
            }

            try
            {
                // Not the request's token: a scene half played because a tab closed would leave a half-built council.
                var message = await action.RunAsync(self(), emulator.ShutdownToken);
                await Write(context, 200, new JsonObject { ["message"] = message });
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await Write(context, 500, new JsonObject { ["error"] = ex.Message });
            }
            finally
            {
                oneAction.Release();
            }
        });
    }

    /// <summary>Server-sent events: one "change" event carrying the new version each time anything changes.</summary>
    private static async Task StreamChangesAsync(HttpContext context, EmulatorState emulator)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, emulator.ShutdownToken);
        var seen = -1L;
        try
        {
            while (true)
            {
                seen = await emulator.WaitForChangeAsync(seen, linked.Token);
                await context.Response.WriteAsync($"event: change\ndata: {seen}\n\n", linked.Token);
                await context.Response.Body.FlushAsync(linked.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away or the emulator stops.
        }
    }

    private static JsonObject ClockJson(EmulatorState emulator) => new()
    {
        ["now"] = emulator.Options.TimeProvider.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["can_advance"] = emulator.Options.AdvanceClock is not null,
    };

    private static long RouteLong(HttpContext context, string name) =>
        long.Parse((string)context.Request.RouteValues[name]!, System.Globalization.CultureInfo.InvariantCulture);

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

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
        json["reply_to_message_id"] = m.ReplyToMessageId;
        json["force_reply"] = m.ForceReply;
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
