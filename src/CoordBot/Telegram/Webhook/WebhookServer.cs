using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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
        _app = builder.Build();
        var secret = Encoding.UTF8.GetBytes(settings.WebhookSecret!);
        _app.MapPost(path, (HttpContext http, CancellationToken ct) => ReceiveAsync(http, secret, ct));
        await _app.StartAsync(cancellationToken);
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

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        using (document)
        {
            if (RawUpdate.From(document.RootElement) is not { } update)
            {
                logger.LogWarning("Webhook call without a readable update_id ignored");
                return Results.Ok();
            }

            await inbox.StoreAsync([update], cancellationToken);
        }

        return Results.Ok();
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
