using System.Security.Cryptography;
using System.Text;
using CoordBot.Telegram.Receiving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CoordBot.Telegram.Webhook;

/// <summary>
/// Webhook mode: the endpoint at the path of <c>Telegram:WebhookUrl</c>, on <c>Telegram:WebhookListenUrl</c> of the bot's
/// one web host (<see cref="BotWebHost"/>). Every call must carry the secret in <c>X-Telegram-Bot-Api-Secret-Token</c>
/// (compared in constant time); the update is stored in the inbox before Telegram gets its 200, so a crash after that
/// loses nothing. Calls that overlap share a transaction (<see cref="InboxGroupCommit"/>).
/// </summary>
public sealed class WebhookEndpoint(InboxGroupCommit inbox, IOptions<TelegramOptions> options, ILogger<WebhookEndpoint> logger) : IWebEndpoints
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>
    /// The largest body accepted: 1 MiB. Telegram's largest update (a 4,096-character text with its entities,
    /// the message it replies to with the same, a quote and a caption, every character JSON-escaped) stays
    /// well under 256 KiB; a larger body is not from Telegram and is refused (413) before it is stored.
    /// </summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public string Key => $"{TelegramOptions.Section}:{nameof(TelegramOptions.WebhookListenUrl)}";

    public string Url => options.Value.WebhookListenUrl;

    public void AddServices(IServiceCollection services)
    {
    }

    public void Map(IEndpointRouteBuilder routes)
    {
        var settings = options.Value;
        var secret = Encoding.UTF8.GetBytes(settings.WebhookSecret!);
        routes.MapPost(new Uri(settings.WebhookUrl!).AbsolutePath, (HttpContext http, CancellationToken ct) => ReceiveAsync(http, secret, ct));
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

        // With the calls that arrive beside it, in one transaction; answered once its own update is stored.
        await inbox.StoreAsync(update).WaitAsync(cancellationToken);
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
}
