using IomGraph.Api.Contracts;
using IomGraph.Api.Infrastructure;
using IomGraph.Api.Requests;
using IomGraph.Core.Graphs;
using IomGraph.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IomGraph.Api.Endpoints;

public static class PathEndpoints
{
    public static RouteGroupBuilder MapPaths(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/paths").WithTags("Paths");

        group.MapGet("/", FindPaths)
            .WithName(nameof(FindPaths))
            .WithSummary("Find the shortest paths between two actors")
            .WithDescription("Returns every shortest path (up to 25) from one actor to another, following relations in either direction, no longer than maxDepth hops. Each hop gives its relation, the direction the walk takes along it ('forward' from the relation's 'from' to its 'to', or 'backward'), and its sentence. An unknown actor is a 404; actors with no connection within maxDepth give an empty list.")
            .WithValidation<PathsRequest>();

        return group;
    }

    public static async Task<Results<Ok<PathsResponse>, ExportResult, NotFoundProblem>> FindPaths(
        [AsParameters] PathsRequest request, IGraphStore store, CancellationToken cancellationToken)
    {
        var query = request.ToQuery();
        var ends = await store.GetActorRefsAsync([query.From, query.To], cancellationToken);
        if (!ends.TryGetValue(query.From, out var from))
        {
            return Problems.NotFound("Actor", query.From);
        }

        if (!ends.TryGetValue(query.To, out var to))
        {
            return Problems.NotFound("Actor", query.To);
        }

        var chains = PathChains.Build(from.Id, to.Id, await store.FindShortestPathsAsync(query, cancellationToken), PathsRequest.MaxPaths);
        if (request.Format is not null)
        {
            return new ExportResult(QueryRules.Format(request.Format), ExportFilters.Of(chains, from.Id), $"iomgraph-paths-{from.Id}-{to.Id}");
        }

        return TypedResults.Ok(new PathsResponse(
            ActorRefResponse.Of(from), ActorRefResponse.Of(to), query.MaxDepth, chains.Chains.Select(PathResponse.Of).ToList()));
    }
}
