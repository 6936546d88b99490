using CoordBot.Operations.Commands;
using CoordBot.Operations.Metrics;
using CoordBot.Operations.Retention;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using CoordBot.Scheduling;
using CoordBot.Telegram.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoordBot.Operations;

public static class OperationsRegistration
{
    /// <summary>Health and metrics endpoint, the instance lock that protects restores, retention and the operator commands.</summary>
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<OperationsOptions, OperationsOptionsValidator>(OperationsOptions.Section);
        services.AddValidatedOptions<RetentionOptions, RetentionOptionsValidator>(RetentionOptions.Section);

        // First of all hosted services: the lock must be held before the migrator touches the files.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, BotInstanceLock>());

        services.TryAddSingleton<Backlog>();
        services.TryAddSingleton<DatabaseHealthCheck>();
        services.TryAddSingleton<SchedulerHealthCheck>();
        services.TryAddSingleton<BacklogHealthCheck>();

        services.TryAddSingleton<RetentionSweep>();
        services.AddScheduledJob<RetentionJob>();
        services.AddHostedService<RetentionStarter>();

        services.TryAddSingleton<CoordBotMetrics>();
        services.TryAddSingleton<JobLatenessListener>();
        services.AddHostedService<MetricsStarter>();
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddMeter(CoordBotMetrics.MeterName);
            // Every scrape reads fresh values: the gauges are cheap and a stale cache confuses alerting on backlogs.
            metrics.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
            if (otlp)
            {
                metrics.AddOtlpExporter();
            }
        }).WithTracing(tracing =>
        {
            // Spans are only recorded for an exporter: without an OTLP endpoint nothing listens and nothing is kept.
            if (otlp)
            {
                tracing.AddSource(CoordBotTracing.SourceName).AddOtlpExporter();
            }
        });
        services.AddSingleton<IOperationsEndpoint, PrometheusEndpoint>();

        services.AddCommand<StatusHandler>();
        services.AddCommand<ExportHandler>();

        var url = builder.Configuration[$"{OperationsOptions.Section}:{nameof(OperationsOptions.Url)}"];
        if (url is null || !string.IsNullOrWhiteSpace(url))
        {
            services.AddSingleton<IWebEndpoints, OperationsEndpoints>();
        }

        return builder;
    }
}
