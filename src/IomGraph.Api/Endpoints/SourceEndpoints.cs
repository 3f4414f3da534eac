using System.ComponentModel;
using IomGraph.Api.Contracts;
using IomGraph.Api.Infrastructure;
using IomGraph.Api.Infrastructure.OpenApi;
using IomGraph.Api.Requests;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IomGraph.Api.Endpoints;

public static class SourceEndpoints
{
    private const string IdDescription = "The source's id, such as 'noborder-iom-wiki'.";

    public static RouteGroupBuilder MapSources(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/sources").WithTags(ApiTags.Sources);

        group.MapGet("/", ListSources)
            .WithName(nameof(ListSources))
            .WithSummary("List sources")
            .WithDescription("Returns the documents the graph cites, ordered by id, each with its kind (primary-document, news, secondary or perspective) and the number of relations that cite it.")
            .WithValidation<SourcesRequest>();

        group.MapGet("/{id}", GetSource)
            .WithName(nameof(GetSource))
            .WithSummary("Get a source and the relations that cite it")
            .WithDescription("Returns one source and a page of the relations that cite it, each with the quote it takes from this source.")
            .WithValidation<SourceRequest>()
            .Produces(StatusCodes.Status304NotModified);

        var writes = api.MapGroup("/sources").WithTags(ApiTags.Curation).RequireApiKey();

        writes.MapPut("/{id}", PutSource)
            .WithName(nameof(PutSource))
            .WithSummary("Create or replace a source")
            .WithDescription("Creates the source, or replaces it whole. The body is a source record in the seed-data format; its id must equal the one in the path. Honours If-Match (412 on a mismatch). Needs an API key in X-Api-Key.")
            .Accepts<Source>("application/json")
            .WithRequestExample(RequestExamples.Source)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        return group;
    }

    public static async Task<Results<Created<SourceResponse>, Ok<SourceResponse>, ValidationProblem, ProblemHttpResult>> PutSource(
        [Description(IdDescription), Example(RequestExamples.SourceId)] string id, HttpContext http, IGraphStore reads, ICurationStore store, CancellationToken cancellationToken)
    {
        var (source, invalid) = await Writes.ReadRecordAsync<Source>(http.Request, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        if (source!.Id != id)
        {
            return Writes.Invalid("id", $"The body's id '{source.Id}' differs from the path's '{id}'.");
        }

        var outcome = await Writes.UpsertAsync(http, RecordRef.SourceOf(id), new GraphBundle { Sources = [source] }, store, createOnly: false, cancellationToken);
        if (outcome.Invalid is not null)
        {
            return outcome.Invalid;
        }

        if (outcome.Refused is not null)
        {
            return outcome.Refused;
        }

        var stored = await reads.GetSourceAsync(new SourceQuery(id, 1, null), cancellationToken);
        var response = SourceResponse.Of(source, (int)(stored?.CitedBy.Total ?? 0));
        return outcome.Written!.Counts.Sources.Created > 0 ? TypedResults.Created($"/api/v1/sources/{id}", response) : TypedResults.Ok(response);
    }

    public static async Task<Ok<PageResponse<SourceResponse>>> ListSources(
        [AsParameters] SourcesRequest request, IGraphStore store, CancellationToken cancellationToken)
    {
        var page = await store.ListSourcesAsync(request.ToQuery(), cancellationToken);
        return TypedResults.Ok(new PageResponse<SourceResponse>(page.Items.Select(s => SourceResponse.Of(s.Source, s.CitedBy)).ToList(), page.Total, page.NextCursor));
    }

    public static async Task<Results<Ok<SourceDetailsResponse>, StatusCodeHttpResult, NotFoundProblem>> GetSource(
        [Description(IdDescription), Example("noborder-iom-wiki")] string id,
        [AsParameters] SourceRequest request,
        HttpContext http,
        IGraphStore store,
        Sentences sentences,
        CancellationToken cancellationToken)
    {
        var details = await store.GetSourceAsync(request.ToQuery(id), cancellationToken);
        if (details is null)
        {
            return Problems.NotFound("Source", id);
        }

        var version = RecordVersion.Of(details.Source);
        http.Response.Headers.ETag = Writes.ETag(version);
        if (Writes.NotModified(http.Request, version))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var citedBy = details.CitedBy;
        var say = await sentences.ForRequestAsync(cancellationToken);
        return TypedResults.Ok(new SourceDetailsResponse(
            SourceResponse.Of(details.Source, (int)citedBy.Total),
            new PageResponse<RelationResponse>(citedBy.Items.Select(r => RelationResponse.Of(r, say)).ToList(), citedBy.Total, citedBy.NextCursor)));
    }
}
