using System.Security.Cryptography;
using System.Text;
using CoordBot.Telegram.Receiving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CoordBot.Telegram.Webhook;

/// <summary>
/// Webhook mode: a small Kestrel endpoint at the path of <c>Telegram:WebhookUrl</c>. Every call must
/// carry the secret in <c>X-Telegram-Bot-Api-Secret-Token</c> (compared in constant time); the update
/// is stored in the inbox before Telegram gets its 200, so a crash after that loses nothing.
/// </summary>
public sealed class WebhookServer(InboxWriter inbox, IOptions<TelegramOptions> options, ILogger<WebhookServer> logger) : IHostedService, IAsyncDisposable
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>
    /// The largest body accepted: 1 MiB. Telegram's largest update (a 4,096-character text with its entities,
    /// the message it replies to with the same, a quote and a caption, every character JSON-escaped) stays
    /// well under 256 KiB; a larger body is not from Telegram and is refused (413) before it is stored.
    /// </summary>
    public const int MaxBodyBytes = 1024 * 1024;
    private WebApplication? _app;

    /// <summary>The address actually bound (useful when the port is 0).</summary>
    public string? ListeningOn { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var path = new Uri(settings.WebhookUrl!).AbsolutePath;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(settings.WebhookListenUrl);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var secret = Encoding.UTF8.GetBytes(settings.WebhookSecret!);
        app.MapPost(path, (HttpContext http, CancellationToken ct) => ReceiveAsync(http, secret, ct));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (Listening.IsBindFailure(ex))
        {
            await app.DisposeAsync();
            throw Listening.Refused($"{TelegramOptions.Section}:{nameof(TelegramOptions.WebhookListenUrl)}", settings.WebhookListenUrl, ex);
        }

        _app = app;
        ListeningOn = _app.Urls.FirstOrDefault();
        logger.LogInformation("Webhook endpoint listening on {Url}{Path}", ListeningOn, path);
    }

    public static bool SecretMatches(string? presented, byte[] expected) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), expected);

    private async Task<IResult> ReceiveAsync(HttpContext http, byte[] secret, CancellationToken cancellationToken)
    {
        if (!SecretMatches(http.Request.Headers[SecretHeader].FirstOrDefault(), secret))
        {
            logger.LogWarning("Webhook call from {Remote} refused: missing or wrong secret", http.Connection.RemoteIpAddress);
            return Results.Unauthorized();
        }

        var body = await ReadBodyAsync(http.Request, cancellationToken);
        if (body is null)
        {
            logger.LogWarning("Webhook call refused: the body is over {Limit} bytes", MaxBodyBytes);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (RawUpdate.Parse(body) is not { } update)
        {
            // Telegram never sends this; whoever did learns only that it was refused, and nothing is stored.
            logger.LogWarning("Webhook call refused: the body is not a Telegram update");
            return Results.BadRequest();
        }

        await inbox.StoreAsync([update], cancellationToken);
        return Results.Ok();
    }

    /// <summary>The body, or null when it is longer than <see cref="MaxBodyBytes"/> (declared or actual).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
