using IomGraph.Api.Contracts;
using IomGraph.Api.Http;
using IomGraph.Api.Http.OpenApi;
using IomGraph.Api.Requests;
using IomGraph.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IomGraph.Api.Endpoints;

public static class StatsEndpoints
{
    public static RouteGroupBuilder MapStats(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/stats").WithTags(ApiTags.Statistics);

        group.MapGet("/", GetStats)
            .WithName(nameof(GetStats))
            .WithValidation<StatsRequest>();

        return group;
    }

    [EndpointSummary("Get graph statistics")]
    [EndpointDescription("Returns how many actors, relations and sources the graph holds, the actors by kind, the relations by type, and the most connected actors.")]
    public static async Task<Ok<StatsResponse>> GetStats([AsParameters] StatsRequest request, IGraphReader store, CancellationToken cancellationToken) =>
        TypedResults.Ok(StatsResponse.Of(await store.GetStatsAsync(request.Top ?? StatsRequest.DefaultTop, cancellationToken)));
}
