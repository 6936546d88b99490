using System.Globalization;
using CoordBot.BotApi;
using CoordBot.Cluster;
using CoordBot.Telegram.Webhook;
using CoordBot.Tests.Hardening;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoordBot.PostgreSql.Tests.Cluster;

/// <summary>
/// One instance of a cluster: the real bot host on a shared PostgreSQL database, against an emulator shared with the other
/// instances (as one Telegram bot token is), in this process. <see cref="BotHarness"/> owns one emulator per host, so
/// the cluster tests build their hosts here the same way.
/// </summary>
internal sealed class ClusterHost : IAsyncDisposable
{
    private readonly IHost _host;
    private HttpClient? _webhook;

    private ClusterHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public LeaderElection Election => Services.GetRequiredService<LeaderElection>();

    /// <summary>Settings every instance of a test's cluster shares: one database, a fast re-election, Telegram's limits raised alike on both sides.</summary>
    public static Dictionary<string, string?> Settings(BotApiEmulator emulator, IDictionary<string, string?> database, bool webhook) =>
        new(database)
        {
            ["Telegram:BotToken"] = emulator.BotToken,
            ["Telegram:BaseUrl"] = emulator.BaseUrl.ToString().TrimEnd('/'),
            ["Telegram:PollTimeoutSeconds"] = "1",
            ["Telegram:Mode"] = webhook ? "Webhook" : "Polling",
            ["Telegram:WebhookUrl"] = webhook ? "https://bot.example.org" + WebhookBot.Path : null,
            ["Telegram:WebhookSecret"] = webhook ? WebhookBot.Secret : null,
            ["Telegram:WebhookListenUrl"] = webhook ? "http://127.0.0.1:0" : null,
            ["Bot:Operators:0"] = "1001",
            ["Operations:Url"] = "",
            ["Cluster:LeaderRetry"] = "00:00:01",
            ["Delivery:GlobalPerSecond"] = "1000",
            ["Delivery:PrivatePerSecond"] = "100",
            ["Delivery:PrivateBurst"] = "20",
        };

    /// <summary>An emulator that enforces the same raised limits the instances are told about (so a 429 still means two senders).</summary>
    public static BotApiEmulatorOptions EmulatorOptions() => new() { GlobalPerSecond = 1000, PrivatePerSecond = 100, PrivateBurst = 20 };

    public static async Task<ClusterHost> StartAsync(IDictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddCoordBot();
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        host.ValidateCoordBotConfiguration();
        await host.StartAsync();
        return new ClusterHost(host);
    }

    /// <summary>Posts an update to this instance's webhook as Telegram would; true when it answered 200.</summary>
    public async Task<bool> PostAsync(string json)
    {
        _webhook ??= new HttpClient { BaseAddress = Services.GetRequiredService<BotWebHost>().AddressOf("Telegram:WebhookListenUrl"), Timeout = TimeSpan.FromMinutes(2) };
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookBot.Path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookEndpoint.SecretHeader, WebhookBot.Secret);
        using var response = await _webhook.SendAsync(request);
        return response.IsSuccessStatusCode;
    }

    /// <summary>A graceful stop: the host's lock connections close, so its roles are free for the others at once.</summary>
    public async ValueTask DisposeAsync()
    {
        _webhook?.Dispose();
        await _host.StopAsync();
        _host.Dispose();
    }

    public static string Name(int i) => i.ToString(CultureInfo.InvariantCulture);
}
