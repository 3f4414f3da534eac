using IomGraph.Api.Endpoints;
using IomGraph.Api.Hosting;
using IomGraph.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IomGraph.Api.Http;

/// <summary>
/// Ready means the store answers and holds a seed. The check's <c>state</c> says which of "store-unreachable",
/// "seeding", "not-seeded" or "ready" holds. Once the store has been ready, each check asks the store again, so a
/// store that goes away is reported, and one that comes back is ready again, without a restart.
/// </summary>
public sealed class StoreReadyHealthCheck(IGraphReader store, StoreStatus status) : IHealthCheck
{
    public const string StateKey = "state";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (state, reason, next) = status.Snapshot();
        switch (state)
        {
            case StoreState.Unreachable:
                var retry = next is null ? string.Empty : $" Next attempt at {next.Value:u}.";
                return Unhealthy("store-unreachable", $"The store is unreachable: {reason}{retry}");
            case StoreState.Seeding:
                return Unhealthy("seeding", $"The store answers and is being prepared: {reason}");
        }

        try
        {
            var seed = await store.GetSeedStateAsync(cancellationToken);
            status.Ready(seed is null ? "The store answers again." : $"The store answers again and holds seed {seed.Fingerprint[..12]}.");
            return seed is null
                ? Unhealthy("not-seeded", "The store is open but has not been seeded.")
                : new HealthCheckResult(
                    HealthStatus.Healthy,
                    $"The store is open and holds seed {seed.Fingerprint[..12]}, applied {seed.AppliedAt:u}.",
                    data: new Dictionary<string, object> { [StateKey] = "ready" });
        }
        catch (StoreUnavailableException e)
        {
            status.Unreachable(e.Message);
            return Unhealthy("store-unreachable", $"The store is unreachable: {e.Message}");
        }
    }

    private static HealthCheckResult Unhealthy(string state, string description) =>
        HealthCheckResult.Unhealthy(description, data: new Dictionary<string, object> { [StateKey] = state });
}

public static class HealthCheckExtensions
{
    public static IServiceCollection AddGraphHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StoreReadyHealthCheck>("store", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }
}
