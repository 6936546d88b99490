using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using OpenTelemetry.Metrics;

namespace CoordBot.Operations.Metrics;

/// <summary><c>/metrics</c> on the operations endpoint, served from the bot host's own MeterProvider.</summary>
internal sealed class PrometheusEndpoint(MeterProvider meterProvider) : IOperationsEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPrometheusScrapingEndpoint("/metrics", meterProvider, configureBranchedPipeline: null, optionsName: null);
}
