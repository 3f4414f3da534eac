using IomGraph.Api.Contracts;
using IomGraph.Api.Http.OpenApi;
using IomGraph.Core.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IomGraph.Api.Endpoints;

public static class VocabularyEndpoints
{
    public static RouteGroupBuilder MapVocabulary(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/").WithTags(ApiTags.Vocabulary);

        group.MapGet("/relation-types", ListRelationTypes)
            .WithName(nameof(ListRelationTypes));

        group.MapGet("/actor-kinds", ListActorKinds)
            .WithName(nameof(ListActorKinds));

        return group;
    }

    [EndpointSummary("List the relation types")]
    [EndpointDescription("Returns the closed vocabulary of relation types: each type's name (as used in 'type' parameters), meaning, inverse reading, an example sentence, and the actor kinds it may connect. Queries may name only these types.")]
    public static Ok<IReadOnlyList<RelationTypeResponse>> ListRelationTypes() =>
        TypedResults.Ok<IReadOnlyList<RelationTypeResponse>>(RelationTypes.All.Select(RelationTypeResponse.Of).ToList());

    [EndpointSummary("List the actor kinds")]
    [EndpointDescription("Returns the closed vocabulary of actor kinds, as used in 'kind' parameters, with what each means.")]
    public static Ok<IReadOnlyList<ActorKindResponse>> ListActorKinds() =>
        TypedResults.Ok<IReadOnlyList<ActorKindResponse>>(ActorKinds.All.Select(ActorKindResponse.Of).ToList());
}
