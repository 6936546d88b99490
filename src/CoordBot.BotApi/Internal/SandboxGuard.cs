using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CoordBot.BotApi.Internal;

/// <summary>
/// Keeps other web pages out of the page and its <c>/_emulator</c> endpoints. A page the user visits elsewhere can
/// make the browser send requests here: a "simple" cross-origin POST (no-cors, text/plain or a form) needs no
/// permission, and DNS rebinding makes a foreign name point at this address to read the answers. So:
/// every request must name this server in <c>Host</c> (the configured address, or a loopback name on its port),
/// and a request that changes anything must come from this page or from no page at all (<c>Origin</c> absent or
/// the same origin) and carry <c>application/json</c>, which a cross-origin page cannot send without a preflight
/// this server never grants. Refusals are 403 with a JSON reason. The Bot API itself (<c>/bot&lt;token&gt;/...</c>
/// and <c>/file/bot&lt;token&gt;/...</c>) is not guarded here: the token guards it, as on Telegram.
/// </summary>
internal sealed class SandboxGuard
{
    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "[::1]"];

    private readonly string? configuredHost;
    private volatile string[] allowed = [];

    public SandboxGuard(string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host is not ("0.0.0.0" or "[::]" or "::" or "*" or "+"))
        {
            configuredHost = uri.Host.ToLowerInvariant();
        }
    }

    /// <summary>The address the server is really bound to (its port), known once it has started.</summary>
    public void BoundTo(Uri bound)
    {
        var port = bound.Port;
        allowed = [.. LoopbackNames.Append(configuredHost).OfType<string>().Distinct().SelectMany(name => port == 80 ? new[] { name, $"{name}:80" } : [$"{name}:{port}"])];
    }

    /// <summary>The hosts (with port) this server answers to, e.g. for the refusal's text.</summary>
    public IReadOnlyList<string> AllowedHosts => allowed;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (Refusal(context.Request) is { } reason)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(new JsonObject { ["error"] = reason }.ToJsonString(ApiResult.Json), context.RequestAborted);
            return;
        }

        await next(context);
    }

    /// <summary>Why the request is refused, or null when it may go on.</summary>
    public string? Refusal(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        if (path.StartsWith("/bot", StringComparison.Ordinal) || path.StartsWith("/file/bot", StringComparison.Ordinal))
        {
            return null;
        }

        var host = request.Host.Value ?? "";
        if (!allowed.Contains(host.ToLowerInvariant()))
        {
            return $"Refused: the Host \"{host}\" is not this sandbox's address. Open it at http://{allowed.FirstOrDefault() ?? "127.0.0.1"}/.";
        }

        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return null;
        }

        if (request.Headers.Origin is { Count: > 0 } origin && !string.Equals(origin.ToString(), "http://" + host, StringComparison.OrdinalIgnoreCase))
        {
            return $"Refused: a request from another web page ({origin}) may not act in the sandbox.";
        }

        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType : null;
        var expected = path == "/_emulator/send-document" ? "multipart/form-data" : "application/json";
        return string.Equals(mediaType, expected, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"Refused: send Content-Type: {expected}.";
    }
}
