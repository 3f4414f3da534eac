using IomGraph.Api.Endpoints;
using IomGraph.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IomGraph.Api.Http;

/// <summary>Ready means the store answers and holds a seed.</summary>
public sealed class StoreReadyHealthCheck(IGraphReader store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var seed = await store.GetSeedStateAsync(cancellationToken);
            return seed is null
                ? HealthCheckResult.Unhealthy("The store is open but has not been seeded.")
                : HealthCheckResult.Healthy($"The store is open and holds seed {seed.Fingerprint[..12]}, applied {seed.AppliedAt:u}.");
        }
        catch (StoreUnavailableException e)
        {
            return HealthCheckResult.Unhealthy("The store is unavailable.", e);
        }
    }
}

public static class HealthCheckExtensions
{
    public static IServiceCollection AddGraphHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StoreReadyHealthCheck>("store", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }
}
