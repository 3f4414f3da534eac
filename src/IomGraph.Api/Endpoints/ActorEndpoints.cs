using System.ComponentModel;
using IomGraph.Api.Contracts;
using IomGraph.Api.Infrastructure;
using IomGraph.Api.Requests;
using IomGraph.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IomGraph.Api.Endpoints;

public static class ActorEndpoints
{
    private const string IdDescription = "The actor's id: a lowercase slug such as 'iom', 'unhcr' or 'un-network-on-migration', or a state's ISO 3166-1 alpha-3 code in lower case ('usa').";

    public static RouteGroupBuilder MapActors(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/actors").WithTags("Actors");

        group.MapGet("/", SearchActors)
            .WithName(nameof(SearchActors))
            .WithSummary("Search actors")
            .WithDescription("Finds actors by name, acronym, alias or id, ignoring case and accents ('cote d'ivoire' finds Côte d’Ivoire). An exact match comes first (q=UNHCR gives UNHCR first), then names that start with the text, then names that contain it. Without q, lists all actors by name. Paged with cursors.")
            .WithValidation<ActorSearchRequest>();

        group.MapGet("/{id}", GetActor)
            .WithName(nameof(GetActor))
            .WithSummary("Get an actor")
            .WithDescription("Returns one actor: its names and aliases, kind, founding and dissolution dates at the precision known, headquarters, external ids (Wikidata), description and sources, with the number of its relations by type and direction.");

        group.MapGet("/{id}/relations", GetActorRelations)
            .WithName(nameof(GetActorRelations))
            .WithSummary("List an actor's relations")
            .WithDescription("Returns the relations of one actor, outgoing, incoming or both, each with its type, ends, the actor at the other end, a plain-English sentence, its period, confidence and cited sources with quotes. Filter by type and by the date on which the relation must hold (asOf). Ordered by start date, then id; paged with cursors.")
            .WithValidation<ActorRelationsRequest>();

        group.MapGet("/{id}/neighbourhood", GetNeighbourhood)
            .WithName(nameof(GetNeighbourhood))
            .WithSummary("Get an actor's neighbourhood as a graph")
            .WithDescription("Returns the actors within 1 to 3 hops of an actor, following relations in both directions, and the relations among them, as { nodes, edges }. Edges carry 'source' and 'target' node ids, never array positions, so D3, Cytoscape.js and sigma.js read them directly.")
            .WithValidation<NeighbourhoodRequest>();

        return group;
    }

    public static async Task<Ok<PageResponse<ActorHitResponse>>> SearchActors(
        [AsParameters] ActorSearchRequest request, IGraphStore store, CancellationToken cancellationToken)
    {
        var page = await store.SearchActorsAsync(request.ToSearch(), cancellationToken);
        return TypedResults.Ok(new PageResponse<ActorHitResponse>(page.Items.Select(ActorHitResponse.Of).ToList(), page.Total, page.NextCursor));
    }

    public static async Task<Results<Ok<ActorDetailsResponse>, NotFoundProblem>> GetActor(
        [Description(IdDescription), Example("iom")] string id, IGraphStore store, CancellationToken cancellationToken)
    {
        var details = await store.GetActorAsync(id, cancellationToken);
        return details is null ? Problems.NotFound("Actor", id) : TypedResults.Ok(ActorDetailsResponse.Of(details));
    }

    public static async Task<Results<Ok<PageResponse<RelationResponse>>, NotFoundProblem>> GetActorRelations(
        [Description(IdDescription), Example("iom")] string id, [AsParameters] ActorRelationsRequest request, IGraphStore store, CancellationToken cancellationToken)
    {
        var page = await store.GetActorRelationsAsync(request.ToQuery(id), cancellationToken);
        return page is null
            ? Problems.NotFound("Actor", id)
            : TypedResults.Ok(new PageResponse<RelationResponse>(page.Items.Select(r => RelationResponse.Of(r, id)).ToList(), page.Total, page.NextCursor));
    }

    public static async Task<Results<Ok<GraphResponse>, NotFoundProblem>> GetNeighbourhood(
        [Description(IdDescription), Example("iom")] string id, [AsParameters] NeighbourhoodRequest request, IGraphStore store, CancellationToken cancellationToken)
    {
        var query = request.ToQuery(id);
        var graph = await store.GetNeighbourhoodAsync(query, cancellationToken);
        return graph is null ? Problems.NotFound("Actor", id) : TypedResults.Ok(GraphResponse.Of(id, query.Depth, graph));
    }
}
