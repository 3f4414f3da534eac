using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Api.Contracts;

/// <summary>An actor and its number of relations.</summary>
public sealed record ConnectedActorResponse(string Id, string Name, ActorKind Kind, int Degree);

/// <summary>Counts of the graph.</summary>
public sealed record StatsResponse(
    long Actors,
    long Relations,
    long Sources,
    IReadOnlyDictionary<string, long> ActorsByKind,
    IReadOnlyDictionary<string, long> RelationsByType,
    IReadOnlyList<ConnectedActorResponse> MostConnected)
{
    public static StatsResponse Of(GraphStats s) => new(
        s.Actors,
        s.Relations,
        s.Sources,
        ActorKinds.All.ToDictionary(k => k.Name, k => s.ActorsByKind.GetValueOrDefault(k.Kind)),
        RelationTypes.All.ToDictionary(t => t.Name, t => s.RelationsByType.GetValueOrDefault(t.Type)),
        s.MostConnected.Select(c => new ConnectedActorResponse(c.Actor.Id, c.Actor.Name, c.Actor.Kind, c.Degree)).ToList());
}
