using IomGraph.Api.Contracts;
using IomGraph.Api.Infrastructure;
using IomGraph.Api.Infrastructure.OpenApi;
using IomGraph.Api.Requests;
using IomGraph.Core.Graphs;
using IomGraph.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IomGraph.Api.Endpoints;

public static class PathEndpoints
{
    public static RouteGroupBuilder MapPaths(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/paths").WithTags(ApiTags.Paths);

        group.MapGet("/", FindPaths)
            .WithName(nameof(FindPaths))
            .WithSummary("Find the shortest paths between two actors")
            .WithDescription("Returns every shortest path (up to 25) from one actor to another, following relations in either direction, no longer than maxDepth hops. Each hop gives its relation, the direction the walk takes along it ('forward' from the relation's 'from' to its 'to', or 'backward'), and its sentence. An unknown actor is a 404; actors with no connection within maxDepth give an empty list.")
            .WithValidation<PathsRequest>()
            .ProducesGraphRepresentations();

        return group;
    }

    public static async Task<Results<Ok<PathsResponse>, ExportResult, NotFoundProblem, ProblemHttpResult>> FindPaths(
        [AsParameters] PathsRequest request, HttpContext http, IGraphStore store, CancellationToken cancellationToken)
    {
        if (Representations.Choose(http.Request, request.Format, defaultFormat: null) is not { } representation)
        {
            return Representations.NotAcceptable(defaultFormat: null);
        }

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
        if (representation.Format is not null)
        {
            return new ExportResult(representation.Format, ExportFilters.Of(chains, from.Id), $"iomgraph-paths-{from.Id}-{to.Id}");
        }

        return TypedResults.Ok(new PathsResponse(
            ActorRefResponse.Of(from), ActorRefResponse.Of(to), query.MaxDepth, chains.Chains.Select(PathResponse.Of).ToList()));
    }
}
