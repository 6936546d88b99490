using System.Net.Http.Json;
using System.Text.Json;
using CoordBot.Operations;
using CoordBot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CoordBot.Tests.Operations;

/// <summary>The bot harness with the operations endpoint on a free loopback port.</summary>
internal static class OperationsTestHost
{
    /// <summary>
    /// Quartz starts its scheduler after the host's ApplicationStarted, in the background, and until then the
    /// bot is rightly not ready; here it starts with the host, so a started harness is a ready bot.
    /// </summary>
    public static Task<BotHarness> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Operations:Url"] = "http://127.0.0.1:0" };
        return BotHarness.StartAsync(all, configure: services =>
        {
            services.Configure<QuartzHostedServiceOptions>(o => o.AwaitApplicationStarted = false);
            configure?.Invoke(services);
        });
    }

    public static Uri Endpoint(this BotHarness bot) =>
        bot.Services.GetRequiredService<BotWebHost>().AddressOf("Operations:Url") ?? throw new InvalidOperationException("The operations endpoint did not start.");

    public static DataFiles Files(this BotHarness bot) => DataFiles.From(bot.Services.GetRequiredService<IConfiguration>());

    /// <summary>GETs a health endpoint: the HTTP status and the JSON body.</summary>
    public static async Task<(int Status, JsonElement Body)> HealthAsync(this BotHarness bot, string path)
    {
        using var http = new HttpClient { BaseAddress = bot.Endpoint() };
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
