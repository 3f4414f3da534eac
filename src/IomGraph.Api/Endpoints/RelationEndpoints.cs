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

public static class RelationEndpoints
{
    private const string IdDescription = "The relation's id, such as 'iom.coordinates.un-network-on-migration'.";

    public static RouteGroupBuilder MapRelations(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/relations").WithTags(ApiTags.Relations);

        group.MapGet("/", ListRelations)
            .WithName(nameof(ListRelations))
            .WithValidation<RelationsRequest>();

        group.MapGet("/{id}", GetRelation)
            .WithName(nameof(GetRelation))
            .Produces(StatusCodes.Status304NotModified)
            .WithRecordETag();

        group.MapGet("/{id}/citation", GetRelationCitation)
            .WithName(nameof(GetRelationCitation))
            .WithValidation<RelationCitationRequest>()
            .ProducesCitationFormats(typeof(CslItem), CitationFormat.CslJson);

        var writes = api.MapGroup("/relations").WithTags(ApiTags.Curation).RequireApiKey();

        writes.MapPost("/", CreateRelation)
            .WithName(nameof(CreateRelation))
            .Accepts<Relation>("application/json")
            .WithRequestExample(RequestExamples.Relation)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        writes.MapPut("/{id}", PutRelation)
            .WithName(nameof(PutRelation))
            .Accepts<Relation>("application/json")
            .WithRequestExample(RequestExamples.Relation)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        writes.MapDelete("/{id}", DeleteRelation)
            .WithName(nameof(DeleteRelation))
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        return group;
    }

    [EndpointSummary("Create a relation")]
    [EndpointDescription("Creates a relation. The body is a relation record in the seed-data format: both ends must exist, their kinds must be ones the type allows, the end must not come before the start, and at least one source (with its quote) must be cited. An existing id is a 409: use PUT to replace. Needs an API key in X-Api-Key. The example joins IOM to the example actor and cites the example source: in Swagger UI, execute PUT /api/v1/sources/{id} and PUT /api/v1/actors/{id} with their examples first.")]
    public static Task<Results<Created<RelationResponse>, Ok<RelationResponse>, ValidationProblem, ProblemHttpResult>> CreateRelation(
        HttpContext http, IGraphReader reads, CurationService curation, Sentences sentences, CancellationToken cancellationToken) =>
        WriteRelationAsync(null, http, reads, curation, sentences, cancellationToken);

    [EndpointSummary("Create or replace a relation")]
    [EndpointDescription("Creates the relation with this id, or replaces it whole, under the same rules as POST. Honours If-Match (412 on a mismatch). Needs an API key in X-Api-Key.")]
    public static Task<Results<Created<RelationResponse>, Ok<RelationResponse>, ValidationProblem, ProblemHttpResult>> PutRelation(
        [Description(IdDescription), Example(RequestExamples.RelationId)] string id,
        HttpContext http,
        IGraphReader reads,
        CurationService curation,
        Sentences sentences,
        CancellationToken cancellationToken) =>
        WriteRelationAsync(id, http, reads, curation, sentences, cancellationToken);

    [EndpointSummary("Delete a relation")]
    [EndpointDescription("Deletes the relation. Honours If-Match. Needs an API key in X-Api-Key.")]
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteRelation(
        [Description(IdDescription), Example(RequestExamples.RelationId)] string id, HttpContext http, CurationService curation, CancellationToken cancellationToken)
    {
        var record = RecordRef.RelationOf(id);
        return Writes.AnswerDelete(await curation.DeleteAsync(http.User.Curator(), record, cascade: false, Writes.Expected(http.Request), cancellationToken), record);
    }

    /// <summary>POST (id from the body, must be new) and PUT (id from the path, create or replace).</summary>
    private static async Task<Results<Created<RelationResponse>, Ok<RelationResponse>, ValidationProblem, ProblemHttpResult>> WriteRelationAsync(
        string? pathId, HttpContext http, IGraphReader reads, CurationService curation, Sentences sentences, CancellationToken cancellationToken)
    {
        var (relation, invalid) = await Writes.ReadRecordAsync<Relation>(http.Request, pathId, r => r.Id, cancellationToken);
        if (relation is null)
        {
            return invalid!;
        }

        var record = RecordRef.RelationOf(relation.Id);
        var expected = pathId is null ? RecordExpectation.Absent : Writes.Expected(http.Request);
        var outcome = await curation.UpsertAsync(http.User.Curator(), record, new GraphBundle { Relations = [relation] }, expected, cancellationToken);
        var refusal = Writes.Answer(outcome, record, http.Response);
        if (refusal.Invalid is not null)
        {
            return refusal.Invalid;
        }

        if (refusal.Problem is not null)
        {
            return refusal.Problem;
        }

        var view = await reads.GetRelationAsync(relation.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Relation '{relation.Id}' was written but cannot be read back.");
        var say = await sentences.ForRequestAsync(cancellationToken);
        var response = RelationResponse.Of(view, say);
        return outcome.Result!.Counts.Relations.Created > 0 ? TypedResults.Created($"/api/v1/relations/{relation.Id}", response) : TypedResults.Ok(response);
    }

    [EndpointSummary("List relations")]
    [EndpointDescription("Returns relations filtered by type, by the actor they come from or go to, by the date on which they hold (asOf; relations whose dates are not recorded only with includeUndated=true) and by a minimum confidence. Ordered by start date, then id; paged with cursors.")]
    public static async Task<Ok<PageResponse<RelationResponse>>> ListRelations(
        [AsParameters] RelationsRequest request, IGraphReader store, Sentences sentences, CancellationToken cancellationToken)
    {
        var page = await store.FindRelationsAsync(request.ToFilter(), cancellationToken);
        var say = await sentences.ForRequestAsync(cancellationToken);
        return TypedResults.Ok(new PageResponse<RelationResponse>(page.Items.Select(r => RelationResponse.Of(r, say)).ToList(), page.Total, page.NextCursor));
    }

    private static readonly CitationFormat[] CitationOffered = [CitationFormat.Json, CitationFormat.CslJson];

    [EndpointSummary("Cite a relation")]
    [EndpointDescription("Returns a ready-to-paste citation of one relation: its sentence and confidence; each source it cites, with its bibliographic fields, the locator and the kinds of text the graph takes from it (a quote is the source's own words; a summary is IomGraph's rendering, never to be put in quotation marks; a record is a dataset row); the graph version, the day retrieved (UTC) and the relation's address; and all of it as one plain-text citation in 'text'. With format=csl-json (or Accept: application/vnd.citationstyles.csl+json), IomGraph itself as one CSL-JSON dataset item at this graph version, for a bibliography.")]
    public static async Task<Results<Ok<RelationCitationResponse>, JsonHttpResult<CslItem>, NotFoundProblem, ProblemHttpResult>> GetRelationCitation(
        [Description(IdDescription), Example("iom.coordinates.un-network-on-migration")] string id,
        [AsParameters] RelationCitationRequest request,
        HttpContext http,
        IGraphReader store,
        Sentences sentences,
        SourceDirectory sources,
        GraphVersion graphVersion,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (CitationFormats.Choose(http.Request, request.Format, CitationOffered) is not { } format)
        {
            return CitationFormats.NotAcceptable(CitationOffered);
        }

        var relation = await store.GetRelationAsync(id, cancellationToken);
        if (relation is null)
        {
            return Problems.NotFound("Relation", id);
        }

        var say = await sentences.ForRequestAsync(cancellationToken);
        var version = await graphVersion.GetAsync(cancellationToken);
        var retrieved = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var url = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/api/v1/relations/{Uri.EscapeDataString(id)}";
        var sentence = say(relation);
        if (format == CitationFormat.CslJson)
        {
            return CitationFormats.Csl(CslJson.IomGraph($"iomgraph-{id}", version, url, retrieved, $"Relation \"{id}\": {sentence}"));
        }

        var directory = await sources.GetAsync(cancellationToken);
        return TypedResults.Ok(RelationCitations.Of(relation, sentence, id => directory.GetValueOrDefault(id), version, retrieved, url));
    }

    [EndpointSummary("Get a relation")]
    [EndpointDescription("Returns one relation with its sentence, period, role, confidence, curators' note and every source it cites, with the quote it rests on. This is the record to cite. The ETag header versions it (If-None-Match gives 304; If-Match guards writes).")]
    public static async Task<Results<Ok<RelationResponse>, StatusCodeHttpResult, NotFoundProblem>> GetRelation(
        [Description(IdDescription), Example("iom.coordinates.un-network-on-migration")] string id,
        HttpContext http,
        IGraphReader store,
        Sentences sentences,
        CancellationToken cancellationToken)
    {
        var relation = await store.GetRelationAsync(id, cancellationToken);
        if (relation is null)
        {
            return Problems.NotFound("Relation", id);
        }

        var version = RecordVersion.Of(relation.Relation);
        http.Response.Headers.ETag = Writes.ETag(version);
        return Writes.NotModified(http.Request, version)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(RelationResponse.Of(relation, await sentences.ForRequestAsync(cancellationToken)));
    }
}
