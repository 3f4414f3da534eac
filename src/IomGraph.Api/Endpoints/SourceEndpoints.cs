using System.ComponentModel;
using IomGraph.Api.Application;
using IomGraph.Api.Citations;
using IomGraph.Api.Contracts;
using IomGraph.Api.Http;
using IomGraph.Api.Http.OpenApi;
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
            .WithValidation<SourcesRequest>()
            .ProducesCitationFormats(typeof(IReadOnlyList<CslItem>), CitationFormat.CslJson, CitationFormat.BibTex);

        group.MapGet("/{id}", GetSource)
            .WithName(nameof(GetSource))
            .WithValidation<SourceRequest>()
            .ProducesCitationFormats(typeof(CslItem), CitationFormat.CslJson, CitationFormat.BibTex)
            .Produces(StatusCodes.Status304NotModified)
            .WithRecordETag();

        var writes = api.MapGroup("/sources").WithTags(ApiTags.Curation).RequireApiKey();

        writes.MapPut("/{id}", PutSource)
            .WithName(nameof(PutSource))
            .Accepts<Source>("application/json")
            .WithRequestExample(RequestExamples.Source)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        return group;
    }

    [EndpointSummary("Create or replace a source")]
    [EndpointDescription("Creates the source, or replaces it whole. The body is a source record in the seed-data format; its id must equal the one in the path. Honours If-Match (412 on a mismatch). Needs an API key in X-Api-Key.")]
    public static async Task<Results<Created<SourceResponse>, Ok<SourceResponse>, ValidationProblem, ProblemHttpResult>> PutSource(
        [Description(IdDescription), Example(RequestExamples.SourceId)] string id, HttpContext http, IGraphReader reads, CurationService curation, CancellationToken cancellationToken)
    {
        var (source, invalid) = await Writes.ReadRecordAsync<Source>(http.Request, id, r => r.Id, cancellationToken);
        if (source is null)
        {
            return invalid!;
        }

        var outcome = await curation.UpsertAsync(http.User.Curator(), RecordRef.SourceOf(id), new GraphBundle { Sources = [source] }, Writes.Expected(http.Request), cancellationToken);
        var refusal = Writes.Answer(outcome, RecordRef.SourceOf(id), http.Response);
        if (refusal.Invalid is not null)
        {
            return refusal.Invalid;
        }

        if (refusal.Problem is not null)
        {
            return refusal.Problem;
        }

        var stored = await reads.GetSourceAsync(new SourceQuery(id, 1, null), cancellationToken);
        var response = SourceResponse.Of(source, (int)(stored?.CitedBy.Total ?? 0));
        return outcome.Result!.Counts.Sources.Created > 0 ? TypedResults.Created($"/api/v1/sources/{id}", response) : TypedResults.Ok(response);
    }

    private static readonly CitationFormat[] Offered = [CitationFormat.Json, CitationFormat.CslJson, CitationFormat.BibTex];

    [EndpointSummary("List sources")]
    [EndpointDescription("Returns the documents the graph cites, ordered by id, each with its kind (primary-document, news, secondary, perspective or dataset) and the number of relations that cite it. With format=csl-json (or Accept: application/vnd.citationstyles.csl+json) every source as one CSL-JSON list, which Zotero, Pandoc and citeproc import as it is; with format=bibtex (or Accept: application/x-bibtex) every source as a BibTeX entry keyed by its id.")]
    public static async Task<Results<Ok<PageResponse<SourceResponse>>, JsonHttpResult<IReadOnlyList<CslItem>>, ContentHttpResult, ProblemHttpResult>> ListSources(
        [AsParameters] SourcesRequest request, HttpContext http, IGraphReader store, CancellationToken cancellationToken)
    {
        if (CitationFormats.Choose(http.Request, request.Format, Offered) is not { } format)
        {
            return CitationFormats.NotAcceptable(Offered);
        }

        if (format != CitationFormat.Json)
        {
            var all = await AllSourcesAsync(store, cancellationToken);
            return format == CitationFormat.CslJson
                ? CitationFormats.Csl<IReadOnlyList<CslItem>>([.. all.Select(CslJson.Of)])
                : CitationFormats.Bib(http, BibTex.Of(all), "iomgraph-sources");
        }

        var page = await store.ListSourcesAsync(request.ToQuery(), cancellationToken);
        return TypedResults.Ok(new PageResponse<SourceResponse>(page.Items.Select(s => SourceResponse.Of(s.Source, s.CitedBy)).ToList(), page.Total, page.NextCursor));
    }

    /// <summary>Every source, in id order, page by page.</summary>
    private static async Task<List<Source>> AllSourcesAsync(IGraphReader store, CancellationToken cancellationToken)
    {
        var sources = new List<Source>();
        IdCursor? after = null;
        do
        {
            var page = await store.ListSourcesAsync(new SourceListQuery(SourcesRequest.MaxLimit, after), cancellationToken);
            sources.AddRange(page.Items.Select(s => s.Source));
            after = page.NextCursor is { } next && Cursors.TryDecode<IdCursor>(next, out var cursor) ? cursor : null;
        }
        while (after is not null);

        return sources;
    }

    [EndpointSummary("Get a source and the relations that cite it")]
    [EndpointDescription("Returns one source and a page of the relations that cite it, each with what it takes from this source (a quote, a summary or a dataset record). With format=csl-json (or Accept: application/vnd.citationstyles.csl+json) the source as one CSL-JSON item; with format=bibtex (or Accept: application/x-bibtex) as a BibTeX entry keyed by its id. Each representation has its own ETag.")]
    public static async Task<Results<Ok<SourceDetailsResponse>, JsonHttpResult<CslItem>, ContentHttpResult, StatusCodeHttpResult, NotFoundProblem, ProblemHttpResult>> GetSource(
        [Description(IdDescription), Example("noborder-iom-wiki")] string id,
        [AsParameters] SourceRequest request,
        HttpContext http,
        IGraphReader store,
        Sentences sentences,
        CancellationToken cancellationToken)
    {
        if (CitationFormats.Choose(http.Request, request.Format, Offered) is not { } format)
        {
            return CitationFormats.NotAcceptable(Offered);
        }

        var details = await store.GetSourceAsync(request.ToQuery(id), cancellationToken);
        if (details is null)
        {
            return Problems.NotFound("Source", id);
        }

        // Each representation is its own entity: the record's version, with the format for the citation data.
        var version = RecordVersion.Of(details.Source) + format switch
        {
            CitationFormat.CslJson => ".csl",
            CitationFormat.BibTex => ".bib",
            _ => string.Empty,
        };
        http.Response.Headers.ETag = Writes.ETag(version);
        if (Writes.NotModified(http.Request, version))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        if (format == CitationFormat.CslJson)
        {
            return CitationFormats.Csl(CslJson.Of(details.Source));
        }

        if (format == CitationFormat.BibTex)
        {
            return CitationFormats.Bib(http, BibTex.Of(details.Source), details.Source.Id);
        }

        var citedBy = details.CitedBy;
        var say = await sentences.ForRequestAsync(cancellationToken);
        return TypedResults.Ok(new SourceDetailsResponse(
            SourceResponse.Of(details.Source, (int)citedBy.Total),
            new PageResponse<RelationResponse>(citedBy.Items.Select(r => RelationResponse.Of(r, say)).ToList(), citedBy.Total, citedBy.NextCursor)));
    }
}
