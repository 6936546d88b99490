using System.Net;
using Telegram.Bot;

namespace CoordBot.Telegram;

/// <summary>
/// The token and server of the process's Telegram connection, and clients over the <c>telegram</c> HTTP
/// client (<see cref="AddTelegramHttpClient"/>). The address is known only once the sandbox emulator (when
/// there is no token) has started, so it is set at start and a client is made on use.
/// </summary>
public sealed class BotConnection(IHttpClientFactory httpClients)
{
    public const string HttpClientName = "telegram";

    private readonly Lock _lock = new();
    private TelegramBotClientOptions? _options;

    /// <summary>Sets the token and server; called once at start (from options, or by the sandbox).</summary>
    public void Configure(string token, string? baseUrl)
    {
        lock (_lock)
        {
            if (_options is not null)
            {
                throw new InvalidOperationException("The bot connection is already configured.");
            }

            // Telegram.Bot would otherwise retry 429s on its own; the delivery service honours them itself.
            _options = new TelegramBotClientOptions(token, string.IsNullOrWhiteSpace(baseUrl) ? null : baseUrl) { RetryCount = 0, RetryThreshold = 0 };
        }
    }

    public bool IsConfigured
    {
        get
        {
            lock (_lock)
            {
                return _options is not null;
            }
        }
    }

    /// <summary>Removes the token from a text (an exception message) before it is logged.</summary>
    public string Redact(string text)
    {
        lock (_lock)
        {
            return _options is null ? text : text.Replace(_options.Token, "<token>", StringComparison.Ordinal);
        }
    }

    /// <summary>A client over the pooled <c>telegram</c> handler; cheap, so made for each use as the HTTP client factory intends.</summary>
    public ITelegramBotClient Client => CreateClient(httpClients.CreateClient(HttpClientName));

    internal ITelegramBotClient CreateClient(HttpClient http)
    {
        lock (_lock)
        {
            return new TelegramBotClient(_options ?? throw new InvalidOperationException("The bot connection is not configured yet."), http);
        }
    }

    /// <summary>
    /// The <c>telegram</c> HTTP client, configured where .NET developers look for it, and
    /// <see cref="ITelegramBotClient"/> as its typed client.
    /// </summary>
    public static void AddTelegramHttpClient(IServiceCollection services) =>
        services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                MaxConnectionsPerServer = 64,
                AutomaticDecompression = DecompressionMethods.All,
            })
            // A long poll waits up to 50 s; anything slower than this is a dead connection.
            .ConfigureHttpClient(http => http.Timeout = TimeSpan.FromSeconds(100))
            // The factory's loggers write request URLs, and a Bot API URL contains the token.
            .RemoveAllLoggers()
            .AddTypedClient<ITelegramBotClient>((http, services) => services.GetRequiredService<BotConnection>().CreateClient(http));
}
