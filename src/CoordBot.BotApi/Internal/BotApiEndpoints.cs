using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoordBot.BotApi.Internal;

/// <summary>The bot side: /bot{token}/{method} and /file/bot{token}/{path}.</summary>
internal static class BotApiEndpoints
{
    private delegate Task<JsonNode> Handler(EmulatorState state, ApiArguments args, CancellationToken aborted);

    private static readonly Dictionary<string, (string Name, Handler Run)> Methods = new (string Name, Handler Run)[]
    {
        ("getMe", (s, _, _) => Task.FromResult(s.GetMe())),
        ("getUpdates", (s, a, ct) => s.GetUpdatesAsync(a, ct)),
        ("sendMessage", (s, a, _) => Task.FromResult(s.SendMessage(WithChat(a)))),
        ("editMessageText", (s, a, _) => Task.FromResult(s.EditMessageText(WithChat(a)))),
        ("editMessageReplyMarkup", (s, a, _) => Task.FromResult(s.EditMessageReplyMarkup(WithChat(a)))),
        ("deleteMessage", (s, a, _) => Task.FromResult(s.DeleteMessage(WithChat(a)))),
        ("answerCallbackQuery", (s, a, _) => Task.FromResult(s.AnswerCallbackQuery(a))),
        ("sendDocument", (s, a, _) => Task.FromResult(s.SendDocument(WithChat(a)))),
        ("getFile", (s, a, _) => Task.FromResult(s.GetFile(a))),
        ("setMyCommands", (s, a, _) => Task.FromResult(s.SetMyCommands(a))),
        ("deleteMyCommands", (s, a, _) => Task.FromResult(s.DeleteMyCommands(a))),
        ("getMyCommands", (s, a, _) => Task.FromResult(s.GetMyCommands(a))),
        ("getChatMember", (s, a, _) => Task.FromResult(s.GetChatMember(WithChat(a)))),
        ("getChat", (s, a, _) => Task.FromResult(s.GetChat(WithChat(a)))),
        ("setWebhook", (s, a, _) => Task.FromResult(s.SetWebhook(a))),
        ("deleteWebhook", (s, a, _) => Task.FromResult(s.DeleteWebhook(a))),
        ("getWebhookInfo", (s, _, _) => Task.FromResult(s.GetWebhookInfo())),
    }.ToDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapMethods("/bot{token}/{method}", ["GET", "POST"], context => HandleMethodAsync(context, state));
        app.MapGet("/file/bot{token}/{**path}", context => HandleFileAsync(context, state));
    }

    private static ArgsAndChat WithChat(ApiArguments args) => new(args, args.ChatId());

    private static async Task HandleMethodAsync(HttpContext context, EmulatorState state)
    {
        var token = (string)context.Request.RouteValues["token"]!;
        var requested = (string)context.Request.RouteValues["method"]!;
        if (token != state.Options.BotToken)
        {
            await WriteAsync(context, ApiResult.Error(401, "Unauthorized"));
            return;
        }

        if (!Methods.TryGetValue(requested, out var method))
        {
            state.CountRequest(requested);
            await WriteAsync(context, ApiResult.Error(404, "Not Found: method not found"));
            return;
        }

        state.CountRequest(method.Name);
        ApiResult result;
        try
        {
            var args = await ApiArguments.ReadAsync(context.Request, context.RequestAborted);
            switch (state.TakeFault(method.Name, args.ChatIdOrNull())?.ToResult())
            {
                case null:
                    break;
                case { } fault when fault.Drop:
                    context.Abort();
                    return;
                case { } fault:
                    await WriteAsync(context, fault.Result!);
                    return;
            }

            var answer = await method.Run(state, args, context.RequestAborted);
            result = ApiResult.Ok(answer);
        }
        catch (ApiException ex)
        {
            result = ApiResult.From(ex);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        await WriteAsync(context, result);
    }

    private static async Task HandleFileAsync(HttpContext context, EmulatorState state)
    {
        var token = (string)context.Request.RouteValues["token"]!;
        var path = (string?)context.Request.RouteValues["path"] ?? "";
        if (token != state.Options.BotToken)
        {
            await WriteAsync(context, ApiResult.Error(401, "Unauthorized"));
            return;
        }

        if (state.FileContent(path) is not { } content)
        {
            await WriteAsync(context, ApiResult.Error(404, "Not Found"));
            return;
        }

        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = content.Length;
        await context.Response.Body.WriteAsync(content, context.RequestAborted);
    }

    public static async Task WriteAsync(HttpContext context, ApiResult result)
    {
        context.Response.StatusCode = result.StatusCode;
        context.Response.ContentType = result.ContentType;
        await context.Response.WriteAsync(result.Body, context.RequestAborted);
    }

    private static (bool Drop, ApiResult? Result) ToResult(this EmulatorFault fault) => fault.Kind switch
    {
        FaultKind.DropConnection => (true, null),
        FaultKind.TooManyRequests => (false, ApiResult.Error(429, $"Too Many Requests: retry after {fault.RetryAfterSeconds}", fault.RetryAfterSeconds)),
        FaultKind.ServerError => (false, ApiResult.Error(500, "Internal Server Error")),
        FaultKind.BadGateway => (false, new ApiResult(502, "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n", "text/html")),
        FaultKind.Forbidden => (false, ApiResult.Error(403, "Forbidden: bot was blocked by the user")),
        FaultKind.ChatNotFound => (false, ApiResult.Error(400, "Bad Request: chat not found")),
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault.Kind, null),
    };
}
