using IomGraph.Api.Contracts;
using IomGraph.Api.Http.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IomGraph.Api.Endpoints;

public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static RouteGroupBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags(ApiTags.Health);

        group.MapGet("/live", GetLiveness)
            .WithName(nameof(GetLiveness));

        group.MapGet("/ready", GetReadiness)
            .WithName(nameof(GetReadiness))
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);

        return group;
    }

    [EndpointSummary("Liveness")]
    [EndpointDescription("200 while the process serves requests. It does not touch the store, so an orchestrator never restarts the API because the database is down.")]
    public static Ok<HealthResponse> GetLiveness() => TypedResults.Ok(new HealthResponse("Healthy", new Dictionary<string, HealthCheckResponse>()));

    [EndpointSummary("Readiness")]
    [EndpointDescription("200 when the store is open and seeded, 503 otherwise (for example while the database is unreachable). It recovers by itself when the store comes back.")]
    public static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> GetReadiness(HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(c => c.Tags.Contains(ReadyTag), cancellationToken);
        var response = HealthResponse.Of(report);
        return report.Status == HealthStatus.Healthy
            ? TypedResults.Ok(response)
            : TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
