using System.ComponentModel;
using IomGraph.Api.Application;
using IomGraph.Api.Contracts;
using IomGraph.Api.Http;
using IomGraph.Api.Http.OpenApi;
using IomGraph.Api.Requests;
using IomGraph.Core.Graphs;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Formats;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IomGraph.Api.Endpoints;

public static class ActorEndpoints
{
    private const string IdDescription = "The actor's id: a lowercase slug such as 'iom', 'unhcr' or 'un-network-on-migration', or a state's ISO 3166-1 alpha-3 code in lower case ('usa').";

    public static RouteGroupBuilder MapActors(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/actors").WithTags(ApiTags.Actors);

        group.MapGet("/", SearchActors)
            .WithName(nameof(SearchActors))
            .WithValidation<ActorSearchRequest>();

        group.MapGet("/{id}", GetActor)
            .WithName(nameof(GetActor))
            .Produces(StatusCodes.Status304NotModified)
            .WithRecordETag();

        group.MapGet("/{id}/relations", GetActorRelations)
            .WithName(nameof(GetActorRelations))
            .WithValidation<ActorRelationsRequest>();

        group.MapGet("/{id}/neighbourhood", GetNeighbourhood)
            .WithName(nameof(GetNeighbourhood))
            .WithValidation<NeighbourhoodRequest>()
            .ProducesGraphRepresentations()
            .Expensive(RateLimits.IsDeepNeighbourhood);

        group.MapGet("/{id}/profile", GetActorProfile)
            .WithName(nameof(GetActorProfile))
            .WithValidation<ProfileRequest>()
            .WithMetadata(new AlsoAnswersMetadata("text/markdown", "The same profile as Markdown, its sources as footnotes."));

        group.MapGet("/{id}/history", GetActorHistory)
            .WithName(nameof(GetActorHistory))
            .WithValidation<HistoryRequest>();

        var writes = api.MapGroup("/actors").WithTags(ApiTags.Curation).RequireApiKey();

        writes.MapPut("/{id}", PutActor)
            .WithName(nameof(PutActor))
            .Accepts<Actor>("application/json")
            .WithRequestExample(RequestExamples.Actor)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        writes.MapDelete("/{id}", DeleteActor)
            .WithName(nameof(DeleteActor))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        return group;
    }

    [EndpointSummary("Get an actor's history")]
    [EndpointDescription("Returns every change to this actor's record, oldest first: who made it (the curator key's name, 'seed' or 'import'), when, and the record before and after. Paged with cursors.")]
    public static async Task<Results<Ok<PageResponse<ChangeResponse>>, NotFoundProblem>> GetActorHistory(
        [Description(IdDescription), Example("iom")] string id, [AsParameters] HistoryRequest request, IGraphReader store, CancellationToken cancellationToken)
    {
        var record = RecordRef.ActorOf(id);
        var page = await store.GetChangesAsync(request.ToQuery(record), cancellationToken);
        if (page.Total == 0 && await store.GetActorRefsAsync([id], cancellationToken) is { Count: 0 })
        {
            return Problems.NotFound("Actor", id);
        }

        return TypedResults.Ok(new PageResponse<ChangeResponse>(page.Items.Select(ChangeResponse.Of).ToList(), page.Total, page.NextCursor));
    }

    [EndpointSummary("Create or replace an actor")]
    [EndpointDescription("Creates the actor, or replaces it whole. The body is an actor record in the seed-data format; its id, if given, must equal the one in the path. Send If-Match with the ETag of a GET to replace only the version you read (412 otherwise). Needs an API key in X-Api-Key. Every change is logged. The example cites the source 'example-source': in Swagger UI, execute PUT /api/v1/sources/{id} with its example first.")]
    public static async Task<Results<Created<ActorResponse>, Ok<ActorResponse>, ValidationProblem, ProblemHttpResult>> PutActor(
        [Description(IdDescription), Example(RequestExamples.ActorId)] string id, HttpContext http, CurationService curation, CancellationToken cancellationToken)
    {
        var (actor, invalid) = await Writes.ReadRecordAsync<Actor>(http.Request, id, r => r.Id, cancellationToken);
        if (actor is null)
        {
            return invalid!;
        }

        var outcome = await curation.UpsertAsync(http.User.Curator(), RecordRef.ActorOf(id), new GraphBundle { Actors = [actor] }, Writes.Expected(http.Request), cancellationToken);
        var refusal = Writes.Answer(outcome, RecordRef.ActorOf(id), http.Response);
        if (refusal.Invalid is not null)
        {
            return refusal.Invalid;
        }

        if (refusal.Problem is not null)
        {
            return refusal.Problem;
        }

        return outcome.Result!.Counts.Actors.Created > 0
            ? TypedResults.Created($"/api/v1/actors/{id}", ActorResponse.Of(actor))
            : TypedResults.Ok(ActorResponse.Of(actor));
    }

    [EndpointSummary("Delete an actor")]
    [EndpointDescription("Deletes the actor. While relations use it the answer is 409, unless cascade=true, which deletes those relations too (each is logged). Honours If-Match. Needs an API key in X-Api-Key.")]
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteActor(
        [Description(IdDescription), Example(RequestExamples.ActorId)] string id,
        [Description("Also delete the relations that use the actor. Without it, an actor with relations is not deleted (409)."), DefaultValue(false)] bool? cascade,
        HttpContext http,
        CurationService curation,
        CancellationToken cancellationToken)
    {
        var record = RecordRef.ActorOf(id);
        return Writes.AnswerDelete(await curation.DeleteAsync(http.User.Curator(), record, cascade ?? false, Writes.Expected(http.Request), cancellationToken), record);
    }

    [EndpointSummary("Search actors")]
    [EndpointDescription("Finds actors by name, acronym, alias or id, ignoring case and accents ('cote d'ivoire' finds Côte d’Ivoire). An exact match comes first (q=UNHCR gives UNHCR first), then names that start with the text, then names that contain it. Without q, lists all actors by name. Paged with cursors.")]
    public static async Task<Ok<PageResponse<ActorHitResponse>>> SearchActors(
        [AsParameters] ActorSearchRequest request, IGraphReader store, CancellationToken cancellationToken)
    {
        var page = await store.SearchActorsAsync(request.ToSearch(), cancellationToken);
        return TypedResults.Ok(new PageResponse<ActorHitResponse>(page.Items.Select(ActorHitResponse.Of).ToList(), page.Total, page.NextCursor));
    }

    [EndpointSummary("Get an actor")]
    [EndpointDescription("Returns one actor: its names and aliases, kind, founding and dissolution dates at the precision known, headquarters, external ids (Wikidata), description and sources, with the number of its relations by type and direction. The ETag header versions the actor record: send it back in If-None-Match (304 when unchanged) or, to write, in If-Match.")]
    public static async Task<Results<Ok<ActorDetailsResponse>, StatusCodeHttpResult, NotFoundProblem>> GetActor(
        [Description(IdDescription), Example("iom")] string id, HttpContext http, IGraphReader store, CancellationToken cancellationToken)
    {
        var details = await store.GetActorAsync(id, cancellationToken);
        if (details is null)
        {
            return Problems.NotFound("Actor", id);
        }

        var version = RecordVersion.Of(details.Actor);
        http.Response.Headers.ETag = Writes.ETag(version);
        return Writes.NotModified(http.Request, version)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(ActorDetailsResponse.Of(details));
    }

    [EndpointSummary("List an actor's relations")]
    [EndpointDescription("Returns the relations of one actor, outgoing, incoming or both, each with its type, ends, the actor at the other end, a plain-English sentence, its period, confidence and cited sources with quotes. Filter by type and by the date on which the relation must hold (asOf); a relation whose dates are not recorded is left out of a date filter unless includeUndated=true. Ordered by start date, then id; paged with cursors.")]
    public static async Task<Results<Ok<PageResponse<ActorRelationResponse>>, NotFoundProblem>> GetActorRelations(
        [Description(IdDescription), Example("iom")] string id, [AsParameters] ActorRelationsRequest request, IGraphReader store, Sentences sentences, CancellationToken cancellationToken)
    {
        var page = await store.GetActorRelationsAsync(request.ToQuery(id), cancellationToken);
        var say = await sentences.ForRequestAsync(cancellationToken);
        return page is null
            ? Problems.NotFound("Actor", id)
            : TypedResults.Ok(new PageResponse<ActorRelationResponse>(page.Items.Select(r => ActorRelationResponse.Of(r, id, say)).ToList(), page.Total, page.NextCursor));
    }

    [EndpointSummary("Get an actor's profile in plain sentences")]
    [EndpointDescription("Returns a short, readable account of an actor, built from its relations in a fixed order: what it is and since when; what it leads, chairs or coordinates; who leads it; what it belongs to and answers to; its members; what it founded, hosted or decided; what it emphasises. Each sentence is the graph's sentence for a relation (attributed where it rests on a perspective or is rated low) with its sources as numbered footnotes; many members of one kind are counted in one sentence. With asOf, only what held on that date. As JSON, or as Markdown with format=markdown or Accept: text/markdown.")]
    public static async Task<Results<Ok<ProfileResponse>, ContentHttpResult, NotFoundProblem, ProblemHttpResult>> GetActorProfile(
        [Description(IdDescription), Example("iom")] string id, [AsParameters] ProfileRequest request, HttpContext http, IGraphReader store, Sentences sentences, CancellationToken cancellationToken)
    {
        var markdown = string.Equals(request.Format, "markdown", StringComparison.OrdinalIgnoreCase)
            || (request.Format is null && PrefersMarkdown(http.Request));
        http.Response.Headers.Append(Microsoft.Net.Http.Headers.HeaderNames.Vary, Microsoft.Net.Http.Headers.HeaderNames.Accept);
        var details = await store.GetActorAsync(id, cancellationToken);
        if (details is null)
        {
            return Problems.NotFound("Actor", id);
        }

        var asOf = QueryRules.Date(request.AsOf);
        var relations = new List<RelationView>();
        RelationCursor? after = null;
        do
        {
            var page = await store.GetActorRelationsAsync(new ActorRelationsQuery(id, [], Direction.Both, asOf, ActorRelationsRequest.MaxLimit, after), cancellationToken);
            relations.AddRange(page?.Items ?? []);
            after = page?.NextCursor is { } next && Cursors.TryDecode<RelationCursor>(next, out var cursor) ? cursor : null;
        }
        while (after is not null);

        var profile = Profiles.Build(details.Actor, relations, asOf, await sentences.ContextAsync(cancellationToken));
        return markdown
            ? TypedResults.Text(Profiles.ToMarkdown(profile), "text/markdown; charset=utf-8")
            : TypedResults.Ok(ProfileResponse.Of(profile));
    }

    // Markdown only when asked for by name: a browser's */* or Swagger UI's application/json get JSON.
    private static bool PrefersMarkdown(HttpRequest request) =>
        request.GetTypedHeaders().Accept is { Count: > 0 } accept
        && accept.OrderByDescending(a => a.Quality ?? 1).FirstOrDefault(a => a.Quality is not 0) is { } first
        && string.Equals(first.MediaType.Value, "text/markdown", StringComparison.OrdinalIgnoreCase);

    [EndpointSummary("Get an actor's neighbourhood as a graph")]
    [EndpointDescription("Returns the actors within 1 to 3 hops of an actor, following relations in both directions, and the relations among them, as { nodes, edges } ready to draw. Nodes carry a short label, their kind, their degree in the whole graph (for their size) and their depth from the centre; edges carry 'source' and 'target' node ids (never array positions, so D3, Cytoscape.js and sigma.js read them directly), the relation type and its reading ('member of'). 'kind' and 'excludeKind' choose which actors the walk visits; 'group' gathers the actors of a kind into one counted node.")]
    public static async Task<Results<Ok<GraphResponse>, ExportResult, NotFoundProblem, ProblemHttpResult>> GetNeighbourhood(
        [Description(IdDescription), Example("iom")] string id, [AsParameters] NeighbourhoodRequest request, HttpContext http, IGraphReader store, Sentences sentences, CancellationToken cancellationToken)
    {
        if (Representations.Choose(http.Request, request.Format, defaultFormat: null) is not { } representation)
        {
            return Representations.NotAcceptable(defaultFormat: null);
        }

        var query = request.ToQuery(id);
        var graph = await store.GetNeighbourhoodAsync(query, cancellationToken);
        if (graph is null)
        {
            return Problems.NotFound("Actor", id);
        }

        return representation.Format is null
            ? TypedResults.Ok(GraphResponse.Of(id, query.Depth, graph, request.ToGather(), await sentences.ForRequestAsync(cancellationToken)))
            : new ExportResult(representation.Format, ExportFilters.Of(graph), $"iomgraph-{id}-neighbourhood", NeighbourhoodLayout.Of(id, graph));
    }
}
