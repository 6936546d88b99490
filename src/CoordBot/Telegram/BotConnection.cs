using System.Net;
using Telegram.Bot;

namespace CoordBot.Telegram;

/// <summary>
/// The one Telegram.Bot client of the process. Its address is known only once the sandbox emulator
/// (when there is no token) has started, so it is created on first use.
/// </summary>
public sealed class BotConnection : IDisposable
{
    private readonly Lock _lock = new();
    private string? _token;
    private string? _baseUrl;
    private TelegramBotClient? _client;
    private HttpClient? _http;

    /// <summary>Sets the token and server; called once at start (from options, or by the sandbox).</summary>
    public void Configure(string token, string? baseUrl)
    {
        lock (_lock)
        {
            if (_client is not null)
            {
                throw new InvalidOperationException("The bot connection is already in use.");
            }

            _token = token;
            _baseUrl = string.IsNullOrWhiteSpace(baseUrl) ? null : baseUrl;
        }
    }

    public bool IsConfigured
    {
        get
        {
            lock (_lock)
            {
                return _token is not null;
            }
        }
    }

    /// <summary>Removes the token from a text (an exception message) before it is logged.</summary>
    public string Redact(string text)
    {
        lock (_lock)
        {
            return string.IsNullOrEmpty(_token) ? text : text.Replace(_token, "<token>", StringComparison.Ordinal);
        }
    }

    public ITelegramBotClient Client
    {
        get
        {
            lock (_lock)
            {
                if (_client is not null)
                {
                    return _client;
                }

                if (_token is null)
                {
                    throw new InvalidOperationException("The bot connection is not configured yet.");
                }

                // A plain HttpClient on purpose: the factory's logging handler writes request URLs,
                // and a Bot API URL contains the token.
                _http = new HttpClient(new SocketsHttpHandler
                {
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    MaxConnectionsPerServer = 64,
                    AutomaticDecompression = DecompressionMethods.All,
                })
                {
                    Timeout = TimeSpan.FromSeconds(100),
                };
                // Telegram.Bot would otherwise retry 429s on its own; the delivery service honours them itself.
                var options = new TelegramBotClientOptions(_token, _baseUrl) { RetryCount = 0, RetryThreshold = 0 };
                _client = new TelegramBotClient(options, _http);
                return _client;
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _http?.Dispose();
        }
    }
}
