using System.ComponentModel;
using IomGraph.Api.Contracts;
using IomGraph.Api.Infrastructure;
using IomGraph.Api.Requests;
using IomGraph.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IomGraph.Api.Endpoints;

public static class RelationEndpoints
{
    public static RouteGroupBuilder MapRelations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/relations").WithTags("Relations");

        group.MapGet("/", ListRelations)
            .WithName(nameof(ListRelations))
            .WithSummary("List relations")
            .WithDescription("Returns relations filtered by type, by the actor they come from or go to, by the date on which they hold (asOf) and by a minimum confidence. Ordered by start date, then id; paged with cursors.")
            .WithValidation<RelationsRequest>();

        group.MapGet("/{id}", GetRelation)
            .WithName(nameof(GetRelation))
            .WithSummary("Get a relation")
            .WithDescription("Returns one relation with its sentence, period, role, confidence, curators' note and every source it cites, with the quote it rests on. This is the record to cite.");

        return group;
    }

    public static async Task<Ok<PageResponse<RelationResponse>>> ListRelations(
        [AsParameters] RelationsRequest request, IGraphStore store, CancellationToken cancellationToken)
    {
        var page = await store.FindRelationsAsync(request.ToFilter(), cancellationToken);
        return TypedResults.Ok(new PageResponse<RelationResponse>(page.Items.Select(RelationResponse.Of).ToList(), page.Total, page.NextCursor));
    }

    public static async Task<Results<Ok<RelationResponse>, NotFoundProblem>> GetRelation(
        [Description("The relation's id, such as 'iom.coordinates.un-network-on-migration'."), Example("iom.coordinates.un-network-on-migration")] string id,
        IGraphStore store,
        CancellationToken cancellationToken)
    {
        var relation = await store.GetRelationAsync(id, cancellationToken);
        return relation is null ? Problems.NotFound("Relation", id) : TypedResults.Ok(RelationResponse.Of(relation));
    }
}
