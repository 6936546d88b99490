using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CoordBot;

/// <summary>What the bot serves over HTTP at the address one setting names: the webhook, or the health and metrics endpoints.</summary>
public interface IWebEndpoints
{
    /// <summary>The setting that names the address (<c>Operations:Url</c>), named when the address cannot be taken.</summary>
    string Key { get; }

    /// <summary>The address to listen on, as configured.</summary>
    string Url { get; }

    /// <summary>Services the endpoints need in the web application (health checks).</summary>
    void AddServices(IServiceCollection services);

    void Map(IEndpointRouteBuilder routes);
}

/// <summary>
/// The bot's one web host: every <see cref="IWebEndpoints"/> on one Kestrel server. Endpoints whose settings name the same
/// address share one listener; different addresses are listened on side by side, and each serves only its own endpoints
/// (the webhook's public address answers no <c>/metrics</c>, the loopback operations address no webhook). An address that
/// cannot be taken stops the bot at start with one line naming its setting (<see cref="Listening"/>).
/// </summary>
public sealed class BotWebHost(IEnumerable<IWebEndpoints> endpoints, ILogger<BotWebHost> logger) : IHostedService, IAsyncDisposable
{
    private readonly List<Listener> _listeners = Group(endpoints);
    private WebApplication? _app;

    /// <summary>The address actually bound for <paramref name="key"/> (its port is known only after binding when it is 0), or null.</summary>
    public Uri? AddressOf(string key) => _listeners.FirstOrDefault(l => l.Keys.Contains(key, StringComparer.Ordinal))?.Bound;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var listener in _listeners)
            {
                listener.Listen(kestrel);
            }
        });
        foreach (var endpoint in _listeners.SelectMany(l => l.Endpoints))
        {
            endpoint.AddServices(builder.Services);
        }

        var app = builder.Build();
        app.UseRouting();
        // An endpoint is answered only on its own listener's connections; elsewhere it does not exist.
        app.Use((http, next) =>
            http.GetEndpoint()?.Metadata.GetMetadata<Listener>() is { } owner && !ReferenceEquals(owner, http.Features.Get<Listener>())
                ? Results.NotFound().ExecuteAsync(http)
                : next(http));
        foreach (var listener in _listeners)
        {
            var routes = app.MapGroup(string.Empty).WithMetadata(listener);
            foreach (var endpoint in listener.Endpoints)
            {
                endpoint.Map(routes);
            }
        }

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (Listening.IsBindFailure(ex))
        {
            await app.DisposeAsync();
            var failed = Blamed(ex);
            throw Listening.Refused(failed.Keys[0], failed.Url, ex);
        }

        _app = app;
        foreach (var listener in _listeners)
        {
            logger.LogInformation("{Endpoints} listening on {Url}", string.Join(", ", listener.Keys), listener.Bound);
        }
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
            _app = null;
        }
    }

    /// <summary>One listener per distinct address, in the order the endpoints were registered.</summary>
    private static List<Listener> Group(IEnumerable<IWebEndpoints> endpoints)
    {
        var listeners = new List<Listener>();
        foreach (var endpoint in endpoints)
        {
            var address = BindingAddress.Parse(endpoint.Url);
            var same = listeners.FirstOrDefault(l => l.IsAt(address));
            if (same is null)
            {
                listeners.Add(same = new Listener(endpoint.Url, address));
            }

            same.Endpoints.Add(endpoint);
        }

        return listeners;
    }

    /// <summary>
    /// Kestrel binds the listeners one by one and says which address it could not take only in its message
    /// ("Failed to bind to address http://127.0.0.1:8090: address already in use."): the listener whose port it names.
    /// </summary>
    private Listener Blamed(Exception exception)
    {
        var messages = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        var named = _listeners.Where(l => messages.Any(m => l.NamedIn(m))).ToList();
        return named.Count == 1 ? named[0] : _listeners[0];
    }

    /// <summary>One address listened on, the endpoints served there, and the mark its connections carry.</summary>
    private sealed class Listener(string url, BindingAddress address)
    {
        private ListenOptions? _options;

        public string Url { get; } = url;

        public List<IWebEndpoints> Endpoints { get; } = [];

        public string[] Keys => [.. Endpoints.Select(e => e.Key)];

        /// <summary>The address as bound (Kestrel puts the real port in its endpoint when 0 was asked), once the host has started.</summary>
        public Uri? Bound => _options is { } options
            ? new UriBuilder(address.Scheme, options.IPEndPoint is { } ip && !IsLocalhost ? ip.Address.ToString() : address.Host, options.IPEndPoint?.Port ?? address.Port).Uri
            : null;

        private bool IsLocalhost => string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase);

        public bool IsAt(BindingAddress other) =>
            string.Equals(address.Scheme, other.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(address.Host, other.Host, StringComparison.OrdinalIgnoreCase)
            && address.Port == other.Port;

        public bool NamedIn(string message) =>
            address.Port != 0 && message.Contains(string.Create(CultureInfo.InvariantCulture, $":{address.Port}:"), StringComparison.Ordinal);

        /// <summary>Binds as Kestrel binds a URL: <c>localhost</c> on both loopbacks, an IP on itself, any other name on every address.</summary>
        public void Listen(KestrelServerOptions kestrel)
        {
            if (IsLocalhost)
            {
                kestrel.ListenLocalhost(address.Port, Mark);
            }
            else if (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip))
            {
                kestrel.Listen(ip, address.Port, Mark);
            }
            else
            {
                kestrel.ListenAnyIP(address.Port, Mark);
            }
        }

        private void Mark(ListenOptions options)
        {
            _options = options;
            if (string.Equals(address.Scheme, "https", StringComparison.OrdinalIgnoreCase))
            {
                options.UseHttps();
            }

            options.Use(next => connection =>
            {
                connection.Features.Set(this);
                return next(connection);
            });
        }
    }
}
