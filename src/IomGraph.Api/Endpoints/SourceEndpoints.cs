using System.ComponentModel;
using IomGraph.Api.Contracts;
using IomGraph.Api.Infrastructure;
using IomGraph.Api.Requests;
using IomGraph.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IomGraph.Api.Endpoints;

public static class SourceEndpoints
{
    public static RouteGroupBuilder MapSources(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/sources").WithTags("Sources");

        group.MapGet("/", ListSources)
            .WithName(nameof(ListSources))
            .WithSummary("List sources")
            .WithDescription("Returns the documents the graph cites, ordered by id, each with its kind (primary-document, news, secondary or perspective) and the number of relations that cite it.")
            .WithValidation<SourcesRequest>();

        group.MapGet("/{id}", GetSource)
            .WithName(nameof(GetSource))
            .WithSummary("Get a source and the relations that cite it")
            .WithDescription("Returns one source and a page of the relations that cite it, each with the quote it takes from this source.")
            .WithValidation<SourceRequest>();

        return group;
    }

    public static async Task<Ok<PageResponse<SourceResponse>>> ListSources(
        [AsParameters] SourcesRequest request, IGraphStore store, CancellationToken cancellationToken)
    {
        var page = await store.ListSourcesAsync(request.ToQuery(), cancellationToken);
        return TypedResults.Ok(new PageResponse<SourceResponse>(page.Items.Select(s => SourceResponse.Of(s.Source, s.CitedBy)).ToList(), page.Total, page.NextCursor));
    }

    public static async Task<Results<Ok<SourceDetailsResponse>, NotFoundProblem>> GetSource(
        [Description("The source's id, such as 'noborder-iom-wiki'."), Example("noborder-iom-wiki")] string id,
        [AsParameters] SourceRequest request,
        IGraphStore store,
        CancellationToken cancellationToken)
    {
        var details = await store.GetSourceAsync(request.ToQuery(id), cancellationToken);
        if (details is null)
        {
            return Problems.NotFound("Source", id);
        }

        var citedBy = details.CitedBy;
        return TypedResults.Ok(new SourceDetailsResponse(
            SourceResponse.Of(details.Source, (int)citedBy.Total),
            new PageResponse<RelationResponse>(citedBy.Items.Select(RelationResponse.Of).ToList(), citedBy.Total, citedBy.NextCursor)));
    }
}
