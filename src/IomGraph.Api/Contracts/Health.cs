using IomGraph.Api.Http.OpenApi;

namespace IomGraph.Api.Contracts;

/// <summary>
/// The state of one health check. The store's check also says where the API stands with its store: "store-unreachable"
/// (retrying), "seeding", "not-seeded" (seeding is off and the store holds none) or "ready".
/// </summary>
public sealed record HealthCheckResponse(
    [property: Values("Healthy", "Degraded", "Unhealthy")] string Status,
    string? Description,
    [property: Values("store-unreachable", "seeding", "not-seeded", "ready")] string? State);

/// <summary>The overall health ("Healthy", "Degraded" or "Unhealthy") and each check's.</summary>
public sealed record HealthResponse([property: Values("Healthy", "Degraded", "Unhealthy")] string Status, IReadOnlyDictionary<string, HealthCheckResponse> Checks)
{
    public static HealthResponse Of(Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report) => new(
        report.Status.ToString(),
        report.Entries.ToDictionary(
            e => e.Key,
            e => new HealthCheckResponse(
                e.Value.Status.ToString(),
                e.Value.Description,
                e.Value.Data.TryGetValue(Http.StoreReadyHealthCheck.StateKey, out var state) ? state as string : null)));
}
