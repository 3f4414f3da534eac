using IomGraph.Api.Http.OpenApi;
using IomGraph.Core.Graphs;
using IomGraph.Core.Model;

namespace IomGraph.Api.Contracts;

/// <summary>One of a hop's relations, and the way the path takes it: "forward" from its <c>from</c> to its <c>to</c>, or "backward".</summary>
public sealed record HopRelationResponse([property: Values("forward", "backward")] string Direction, RelationResponse Relation);

/// <summary>
/// One step of a path, from one actor to the next, with every relation between the two that lies on a shortest path
/// (parallel relations are one hop), strongest first. <c>strength</c> is the best confidence among them.
/// </summary>
public sealed record PathHopResponse(string From, string To, Confidence Strength, IReadOnlyList<HopRelationResponse> Relations);

/// <summary>
/// A path: a distinct chain of actors, its length in hops, its strength (its weakest hop's), how many relations support
/// it, the actors in order and each hop.
/// </summary>
public sealed record PathResponse(int Length, Confidence Strength, int RelationCount, IReadOnlyList<ActorRefResponse> Actors, IReadOnlyList<PathHopResponse> Hops)
{
    public static PathResponse Of(PathChain chain, ActorRef start, Func<RelationView, string> say) => new(
        chain.Hops.Count,
        chain.Strength,
        chain.RelationCount,
        chain.Actors.Count > 0 ? chain.Actors.Select(ActorRefResponse.Of).ToList() : [ActorRefResponse.Of(start)],
        chain.Hops.Select(h => new PathHopResponse(
            h.From.Id, h.To.Id, h.Strength,
            h.Relations.Select(r => new HopRelationResponse(r.Forward ? "forward" : "backward", RelationResponse.Of(r.Relation, say))).ToList())).ToList());
}

/// <summary>
/// The shortest paths between two actors, strongest first: <c>length</c> is their number of hops (null when the actors
/// are not connected within <c>maxDepth</c>, and <c>paths</c> is then empty); <c>truncated</c> says that more paths of
/// that length exist than <c>maxPaths</c> allowed.
/// </summary>
public sealed record ShortestPathsResponse(ActorRefResponse From, ActorRefResponse To, int MaxDepth, int? Length, bool Truncated, IReadOnlyList<PathResponse> Paths);
