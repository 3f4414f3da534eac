using IomGraph.Api.Http;
using IomGraph.Api.Http.OpenApi;
using IomGraph.Api.Requests;
using IomGraph.Core.Storage;
using IomGraph.Formats;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IomGraph.Api.Endpoints;

public static class ExportEndpoints
{
    public static RouteGroupBuilder MapExport(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/export").WithTags(ApiTags.Export);

        group.MapGet("/", Export)
            .WithName(nameof(Export))
            .WithValidation<ExportRequest>()
            .ProducesGraphRepresentations(GraphFormats.Json)
            .Expensive();

        return group;
    }

    [EndpointSummary("Export the graph for Gephi, Cytoscape, yEd, spreadsheets or a web front end")]
    [EndpointDescription("Streams the graph, or the part the filters select, as a download: json (the seed/import format, with stable ids), cytoscape (Cytoscape.js 'elements'), graphml (with keys for every property: yEd, Gephi, Cytoscape desktop), gexf (GEXF 1.3 in dynamic mode, with start and end on nodes and edges for Gephi's timeline) or csv (a zip of nodes.csv, edges.csv and sources.csv, RFC 4180). Filters: type and asOf select relations; kind and ids select actors and the relations among them; centre (with depth) exports a neighbourhood.")]
    public static async Task<Results<ExportResult, NotFoundProblem, ProblemHttpResult>> Export(
        [AsParameters] ExportRequest request, HttpContext http, IGraphReader store, CancellationToken cancellationToken)
    {
        if (Representations.Choose(http.Request, request.Format, GraphFormats.Json)?.Format is not { } format)
        {
            return Representations.NotAcceptable(GraphFormats.Json);
        }

        if (request.Centre is null)
        {
            return new ExportResult(format, request.ToFilter(), "iomgraph");
        }

        var filter = request.ToFilter();
        var graph = await store.GetNeighbourhoodAsync(
            new NeighbourhoodQuery(request.Centre, request.Depth ?? 1, filter.Types, filter.AsOf, NeighbourhoodRequest.MaxMaxNodes) { IncludeUndated = filter.IncludeUndated },
            cancellationToken);
        return graph is null
            ? Problems.NotFound("Actor", request.Centre)
            : new ExportResult(format, ExportFilters.Of(graph), $"iomgraph-{request.Centre}-neighbourhood", NeighbourhoodLayout.Of(request.Centre, graph));
    }
}
