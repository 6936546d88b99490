using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CoordBot.Operations;

/// <summary>
/// A small Kestrel endpoint on <c>Operations:Url</c> for the machine's supervisor and monitoring:
/// <c>/health/live</c>, <c>/health/ready</c> (and <c>/metrics</c>). Its own little web application,
/// like the webhook's, so the bot stays a worker host and the two listen on separate addresses.
/// </summary>
internal sealed class OperationsServer(IServiceProvider services, IOptions<OperationsOptions> options, ILogger<OperationsServer> logger) : IHostedService, IAsyncDisposable
{
    private const string Ready = "ready";
    private WebApplication? _app;

    /// <summary>The address actually bound (the port is known only after binding when it is 0).</summary>
    public Uri? ListeningOn { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Value.Url!);
        builder.Logging.ClearProviders();
        builder.Services.AddHealthChecks()
            .AddCheck("database", services.GetRequiredService<DatabaseHealthCheck>(), tags: [Ready])
            .AddCheck("scheduler", services.GetRequiredService<SchedulerHealthCheck>(), tags: [Ready])
            .AddCheck("backlog", services.GetRequiredService<BacklogHealthCheck>(), tags: [Ready]);
        var app = builder.Build();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync });
        foreach (var endpoint in services.GetServices<IOperationsEndpoint>())
        {
            endpoint.Map(app);
        }

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (Listening.IsBindFailure(ex))
        {
            // Stopping is the safe answer: a bot without its health endpoint looks dead to its supervisor anyway.
            await app.DisposeAsync();
            throw Listening.Refused($"{OperationsOptions.Section}:{nameof(OperationsOptions.Url)}", options.Value.Url!, ex);
        }

        _app = app;
        ListeningOn = new Uri(app.Urls.First());
        logger.LogInformation("Health and metrics on {Url}", ListeningOn);
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

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return JsonSerializer.SerializeAsync(http.Response.Body, body, cancellationToken: http.RequestAborted);
    }
}

/// <summary>Something more the operations endpoint serves (metrics), mapped when the endpoint starts.</summary>
internal interface IOperationsEndpoint
{
    void Map(WebApplication app);
}
