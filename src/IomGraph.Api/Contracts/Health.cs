using IomGraph.Api.Http.OpenApi;

namespace IomGraph.Api.Contracts;

/// <summary>The state of one health check.</summary>
public sealed record HealthCheckResponse([property: Values("Healthy", "Degraded", "Unhealthy")] string Status, string? Description);

/// <summary>The overall health ("Healthy", "Degraded" or "Unhealthy") and each check's.</summary>
public sealed record HealthResponse([property: Values("Healthy", "Degraded", "Unhealthy")] string Status, IReadOnlyDictionary<string, HealthCheckResponse> Checks)
{
    public static HealthResponse Of(Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report) => new(
        report.Status.ToString(),
        report.Entries.ToDictionary(e => e.Key, e => new HealthCheckResponse(e.Value.Status.ToString(), e.Value.Description)));
}
