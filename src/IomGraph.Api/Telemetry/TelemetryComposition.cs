using IomGraph.Api.Hosting;
using IomGraph.Storage.Neo4j;
using IomGraph.Storage.Sqlite;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IomGraph.Api.Telemetry;

/// <summary>
/// OpenTelemetry for the API, off unless an OTLP endpoint is configured: <c>Telemetry:Otlp:Endpoint</c> (with
/// <c>Telemetry:Otlp:Protocol</c>), else the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> and the other
/// <c>OTEL_EXPORTER_OTLP_*</c> variables. Off, nothing listens, and every span and measurement is skipped after a check.
/// On, <see cref="AddGraphTelemetryPipeline"/> decides what is collected and the OTLP exporter sends traces, metrics
/// and logs.
/// </summary>
public static class TelemetryComposition
{
    public const string Section = "Telemetry";

    public const string EndpointKey = "Telemetry:Otlp:Endpoint";

    public const string ProtocolKey = "Telemetry:Otlp:Protocol";

    /// <summary>The standard variable that the OTLP exporter reads when <see cref="EndpointKey"/> is not set.</summary>
    public const string StandardEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddGraphTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var endpoint = ReadEndpoint(configuration, EndpointKey);
        var standard = ReadEndpoint(configuration, StandardEndpointKey);
        var protocol = ReadProtocol(configuration);
        if (endpoint is null && standard is null)
        {
            return services;
        }

        var telemetry = services.AddGraphTelemetryPipeline(configuration);
        if (endpoint is not null)
        {
            telemetry.UseOtlpExporter(protocol, endpoint);
        }
        else
        {
            // The exporter reads OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL, _HEADERS and the rest itself.
            telemetry.UseOtlpExporter();
        }

        return services;
    }

    /// <summary>
    /// What is traced and measured, without an exporter: the API's writes and read cache, each store adapter, ASP.NET
    /// Core's requests (spans, and its own <c>Microsoft.AspNetCore.Hosting</c> and Kestrel meters) and outgoing HTTP
    /// (Neo4j's requests). The service is named "iomgraph" unless <c>OTEL_SERVICE_NAME</c> says otherwise. Tests add an
    /// in-memory exporter to it.
    /// </summary>
    public static OpenTelemetryBuilder AddGraphTelemetryPipeline(this IServiceCollection services, IConfiguration? configuration = null)
    {
        string[] names = [ApiTelemetry.Name, SqliteTelemetry.Name, Neo4jTelemetry.Name];
        return services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                if (string.IsNullOrWhiteSpace(configuration?["OTEL_SERVICE_NAME"]))
                {
                    resource.AddService("iomgraph");
                }
            })
            .WithTracing(tracing => tracing
                .AddSource(names)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(names)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
    }

    /// <summary>An absolute http or https URL, or null when the setting is empty; anything else stops the start with a sentence.</summary>
    public static Uri? ReadEndpoint(IConfiguration configuration, string key)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && !string.IsNullOrEmpty(uri.Host)
            ? uri
            : throw new ConfigurationErrorException($"{key} is '{text}', which is not an absolute http or https URL: give the OpenTelemetry collector's address, e.g. http://localhost:4317 (gRPC) or http://localhost:4318 (HTTP), or leave it empty to export nothing.");
    }

    private static OtlpExportProtocol ReadProtocol(IConfiguration configuration)
    {
        var text = configuration[ProtocolKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return OtlpExportProtocol.Grpc;
        }

        return text.Trim().ToUpperInvariant() switch
        {
            "GRPC" => OtlpExportProtocol.Grpc,
            "HTTPPROTOBUF" or "HTTP/PROTOBUF" => OtlpExportProtocol.HttpProtobuf,
            _ => throw new ConfigurationErrorException($"{ProtocolKey} is '{text}', which is not an OTLP protocol: use 'Grpc' (port 4317) or 'HttpProtobuf' (port 4318)."),
        };
    }
}
