using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CoordBot.Operations;

/// <summary>
/// The machine's supervisor and monitoring on <c>Operations:Url</c>: <c>/health/live</c>, <c>/health/ready</c> (and
/// <c>/metrics</c>), served by the bot's one web host (<see cref="BotWebHost"/>).
/// </summary>
internal sealed class OperationsEndpoints(IServiceProvider services, IOptions<OperationsOptions> options) : IWebEndpoints
{
    private const string Ready = "ready";

    public string Key => $"{OperationsOptions.Section}:{nameof(OperationsOptions.Url)}";

    public string Url => options.Value.Url!;

    public void AddServices(IServiceCollection web) =>
        web.AddHealthChecks()
            .AddCheck("database", services.GetRequiredService<DatabaseHealthCheck>(), tags: [Ready])
            .AddCheck("scheduler", services.GetRequiredService<SchedulerHealthCheck>(), tags: [Ready])
            .AddCheck("backlog", services.GetRequiredService<BacklogHealthCheck>(), tags: [Ready]);

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync });
        foreach (var endpoint in services.GetServices<IOperationsEndpoint>())
        {
            endpoint.Map(routes);
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

/// <summary>Something more the operations endpoint serves (metrics).</summary>
internal interface IOperationsEndpoint
{
    void Map(IEndpointRouteBuilder routes);
}
