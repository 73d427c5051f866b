using System.Security.Cryptography;
using System.Text;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Tongban.Applications;

namespace Tongban.Platform.Telemetry;

/// <summary>
/// OpenTelemetry: the standard ASP.NET Core, HttpClient, runtime and Npgsql instruments plus Tongban's own meters
/// (<c>Tongban.*</c>). Metrics are scraped by Prometheus at <c>/metrics</c>, with a key; traces, metrics and logs go to
/// an OpenTelemetry collector when <c>Telemetry:Otlp:Endpoint</c> names one. Logs are JSON lines carrying the trace id
/// (appsettings.json; plain text in Development).
/// </summary>
public static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// How many sets of tags a metric keeps. OpenTelemetry allocates room for its default of 2,000 per metric at start:
    /// 7 MB for a node's 42 metrics, 1.5 MB of it written even on an idle node (ADR 0041). Only requests and route
    /// matches (by route and status) and decisions (by service) have that many; every other metric is tagged by a
    /// handful of kinds, outcomes or generations. A set beyond the limit is still counted, under
    /// <c>otel.metric.overflow</c>.
    /// </summary>
    public const int FewTagSets = 100;

    private static readonly HashSet<string> ManyTagSets = ["http.server.request.duration", "aspnetcore.routing.match_attempts", SubmissionMetrics.DecisionDuration];

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = configuration["Telemetry:Otlp:Endpoint"] is { Length: > 0 } endpoint ? new Uri(endpoint) : null;
        void Otlp(OtlpExporterOptions o) => o.Endpoint = otlp!;
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("tongban", serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation().AddMeter("Tongban.*").AddPrometheusExporter()
                    .AddView(instrument => ManyTagSets.Contains(instrument.Name) ? null : new MetricStreamConfiguration { CardinalityLimit = FewTagSets });
                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(Otlp);
                }
            })
            // Traced always, so that every log line written during a request carries its trace id; sent only to a collector.
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal)
                        && !http.Request.Path.StartsWithSegments(MetricsPath, StringComparison.Ordinal))
                    .AddHttpClientInstrumentation().AddNpgsql();
                if (otlp is not null)
                {
                    tracing.AddOtlpExporter(Otlp);
                }
            });
        if (otlp is not null)
        {
            telemetry.WithLogging(logging => logging.AddOtlpExporter(Otlp));
        }

        services.AddHostedService<OperationsFigures>();
        return services;
    }

    /// <summary>
    /// <c>/metrics</c> for Prometheus, over plain HTTP on the node's own address (scrapers do not go through the public
    /// proxy, which refuses the path). Without <c>Telemetry:Metrics:Key</c> there is no such address; with it, a
    /// scrape must show the key as a bearer token, and anything else is told the address does not exist.
    /// </summary>
    public static IApplicationBuilder UseMetricsEndpoint(this IApplicationBuilder app, IConfiguration configuration)
    {
        if (configuration["Telemetry:Metrics:Key"] is not { Length: >= 16 } key)
        {
            return app;
        }

        var expected = Encoding.UTF8.GetBytes("Bearer " + key);
        return app.UseOpenTelemetryPrometheusScrapingEndpoint(
            meterProvider: null,
            predicate: http => http.Request.Path == MetricsPath,
            path: null,
            configureBranchedPipeline: branch => branch.Use(async (http, next) =>
            {
                var shown = Encoding.UTF8.GetBytes(http.Request.Headers.Authorization.ToString());
                if (!CryptographicOperations.FixedTimeEquals(shown, expected))
                {
                    http.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                await next(http);
            }),
            optionsName: null);
    }
}
