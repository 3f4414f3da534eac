using IomGraph.Api.Application;
using IomGraph.Api.Contracts;
using IomGraph.Api.Http;
using IomGraph.Api.Http.OpenApi;
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
            .WithValidation<PathsRequest>()
            .ProducesGraphRepresentations()
            .Expensive();

        return group;
    }

    [EndpointSummary("Find the shortest paths between two actors")]
    [EndpointDescription("Returns the shortest paths from one actor to another, following relations in either direction, no longer than maxDepth hops. A path is a distinct chain of actors; each hop lists every relation between its two actors that lies on a shortest path (parallel relations are one hop), with the way the path takes it ('forward' from the relation's 'from' to its 'to', or 'backward') and its sentence. Paths come strongest first: a path is as sure as its least sure hop, then more relations (more corroboration) come first. At most maxPaths are returned; 'truncated' says when there were more. An unknown actor is a 404; actors with no connection within maxDepth give an empty list.")]
    public static async Task<Results<Ok<ShortestPathsResponse>, ExportResult, NotFoundProblem, ProblemHttpResult>> FindPaths(
        [AsParameters] PathsRequest request, HttpContext http, IGraphReader store, Sentences sentences, CancellationToken cancellationToken)
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

        var chains = PathChains.Build(from.Id, to.Id, await store.FindShortestPathsAsync(query, cancellationToken), request.MaxPaths ?? PathsRequest.DefaultMaxPaths);
        if (representation.Format is not null)
        {
            return new ExportResult(representation.Format, ExportFilters.Of(chains, from.Id), $"iomgraph-paths-{from.Id}-{to.Id}");
        }

        var say = await sentences.ForRequestAsync(cancellationToken);
        return TypedResults.Ok(new ShortestPathsResponse(
            ActorRefResponse.Of(from),
            ActorRefResponse.Of(to),
            query.MaxDepth,
            chains.Chains.Count > 0 ? chains.Length : null,
            chains.Truncated,
            chains.Chains.Select(c => PathResponse.Of(c, from, say)).ToList()));
    }
}
