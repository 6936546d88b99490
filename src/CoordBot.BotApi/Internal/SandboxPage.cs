using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoordBot.BotApi.Internal;

/// <summary>
/// The sandbox page: three static files embedded in this assembly (no build step), served at the root.
/// The content security policy allows only these files to run, so even a message that slipped through
/// unescaped could not execute anything.
/// </summary>
internal static class SandboxPage
{
    private static readonly (string Path, string Resource, string ContentType)[] Files =
    [
        ("/", "index.html", "text/html; charset=utf-8"),
        ("/sandbox.css", "sandbox.css", "text/css; charset=utf-8"),
        ("/sandbox.js", "sandbox.js", "text/javascript; charset=utf-8"),
        ("/favicon.svg", "favicon.svg", "image/svg+xml"),
        ("/favicon.ico", "favicon.svg", "image/svg+xml"),
    ];

    private const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static void Map(IEndpointRouteBuilder app)
    {
        foreach (var (path, resource, contentType) in Files)
        {
            var content = Read(resource);
            // HEAD as well as GET: a monitor or a link checker asking whether the page is there gets 200, not 404.
            app.MapMethods(path, [HttpMethods.Get, HttpMethods.Head], async context =>
            {
                context.Response.ContentType = contentType;
                context.Response.Headers.ContentSecurityPolicy = Policy;
                context.Response.Headers.XContentTypeOptions = "nosniff";
                context.Response.Headers.CacheControl = "no-cache";
                context.Response.ContentLength = content.Length;
                if (HttpMethods.IsHead(context.Request.Method))
                {
                    return;
                }

                await context.Response.Body.WriteAsync(content, context.RequestAborted);
            });
        }
    }

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CoordBot.BotApi.Page." + name)
            ?? throw new InvalidOperationException($"The sandbox page file {name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
