using Microsoft.AspNetCore.Builder;
using OpenTelemetry.Metrics;

namespace CoordBot.Operations.Metrics;

/// <summary><c>/metrics</c> on the operations endpoint, served from the bot host's own MeterProvider.</summary>
internal sealed class PrometheusEndpoint(MeterProvider meterProvider) : IOperationsEndpoint
{
    public void Map(WebApplication app) =>
        app.UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider, predicate: null, path: "/metrics", configureBranchedPipeline: null, optionsName: null);
}
