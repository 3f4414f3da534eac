using IomGraph.Core.Model;
using IomGraph.Core.Storage;

namespace IomGraph.Core.Graphs;

/// <summary>One relation of a hop, and whether the walk follows it forwards (its from → its to) or backwards.</summary>
public sealed record HopRelation(RelationView Relation, bool Forward);

/// <summary>
/// One step of a chain, from one actor to the next: every relation between the two that lies on a shortest path, the
/// strongest first (confidence descending, then start date, then id).
/// </summary>
public sealed record ChainHop(ActorRef From, ActorRef To, IReadOnlyList<HopRelation> Relations)
{
    /// <summary>The best confidence among the hop's relations.</summary>
    public Confidence Strength => Relations[0].Relation.Relation.Confidence;
}

/// <summary>
/// A chain: a distinct sequence of actors from the start to the end, and its hops. <see cref="Actors"/> lists the actors
/// the chain visits in order; it is empty for the chain of no hops from an actor to itself, whose one actor the caller
/// already holds (only ids reach <see cref="PathChains.Build"/>).
/// </summary>
public sealed record PathChain(IReadOnlyList<ActorRef> Actors, IReadOnlyList<ChainHop> Hops)
{
    /// <summary>The chain's weakest hop's strength: a chain is as sure as its least sure step. High for the chain of no hops.</summary>
    public Confidence Strength => Hops.Count == 0 ? Confidence.High : Hops.Min(h => h.Strength);

    /// <summary>How many relations the chain's hops hold together: more relations, more corroboration.</summary>
    public int RelationCount => Hops.Sum(h => h.Relations.Count);
}

/// <summary>
/// The chains between two actors: their <see cref="Length"/> in hops (0 when there is none, and for an actor to itself),
/// the first of them in order, and whether more exist than were returned.
/// </summary>
public sealed record PathChainResult(int Length, IReadOnlyList<PathChain> Chains, bool Truncated)
{
    public static PathChainResult None { get; } = new(0, [], false);
}

/// <summary>
/// Builds the chains of actors that people read from the relations a store found on shortest paths. The store answers
/// what needs the database (<see cref="IGraphReader.FindShortestPathsAsync"/>); how those relations are grouped and
/// ordered is a rule of the domain, written once here so that every store answers alike.
/// </summary>
/// <remarks>
/// Parallel relations between two actors do not make two chains: they are one hop that holds them all. Chains are
/// ordered strongest first (see <see cref="PathChain.Strength"/>), then by more relations (more corroborated), then by
/// the ordinal sequence of their actor ids. The number of chains can grow exponentially with the length, so at most
/// <see cref="EnumerationCap"/> are enumerated (depth first, next actors in id order); when there are more, only those
/// are ordered and the result is truncated.
/// </remarks>
public static class PathChains
{
    /// <summary>The most chains enumerated; beyond it the result is truncated and ranks only these.</summary>
    public const int EnumerationCap = 10_000;

    /// <summary>
    /// The first <paramref name="maxChains"/> chains from <paramref name="from"/> to <paramref name="to"/> over
    /// <paramref name="graph"/>'s relations. Relations that lie on no shortest path of the graph are ignored.
    /// </summary>
    public static PathChainResult Build(string from, string to, ShortestPathGraph graph, int maxChains)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChains, 1);
        if (from == to)
        {
            return new PathChainResult(0, [new PathChain([], [])], false);
        }

        var links = new Dictionary<string, List<(string Other, HopRelation Relation)>>(StringComparer.Ordinal);
        var actors = new Dictionary<string, ActorRef>(StringComparer.Ordinal);
        foreach (var view in graph.Relations)
        {
            // A relation from an actor to itself is on no shortest path.
            if (view.From.Id == view.To.Id)
            {
                continue;
            }

            actors[view.From.Id] = view.From;
            actors[view.To.Id] = view.To;
            Link(view.From.Id, view.To.Id, new HopRelation(view, true));
            Link(view.To.Id, view.From.Id, new HopRelation(view, false));
        }

        var fromStart = Distances(links, from);
        if (!fromStart.TryGetValue(to, out var length))
        {
            return PathChainResult.None;
        }

        var fromEnd = Distances(links, to);
        var next = Hops(links, actors, fromStart, fromEnd, length);
        var (chains, capped) = Enumerate(from, to, next);
        chains.Sort(CompareChains);
        return new PathChainResult(length, chains.Count > maxChains ? chains[..maxChains] : chains, capped || chains.Count > maxChains);

        void Link(string a, string b, HopRelation relation)
        {
            if (!links.TryGetValue(a, out var list))
            {
                links[a] = list = [];
            }

            list.Add((b, relation));
        }
    }

    private static Dictionary<string, int> Distances(Dictionary<string, List<(string Other, HopRelation Relation)>> links, string root)
    {
        var distances = new Dictionary<string, int>(StringComparer.Ordinal) { [root] = 0 };
        var frontier = new Queue<string>([root]);
        while (frontier.TryDequeue(out var node))
        {
            foreach (var (other, _) in links.GetValueOrDefault(node) ?? [])
            {
                if (distances.TryAdd(other, distances[node] + 1))
                {
                    frontier.Enqueue(other);
                }
            }
        }

        return distances;
    }

    /// <summary>
    /// The hops that lie on a shortest path, by the actor they leave, in the id order of the actor they reach. Every such
    /// hop leads on to the end, so a walk along them never meets a dead end.
    /// </summary>
    private static Dictionary<string, List<ChainHop>> Hops(
        Dictionary<string, List<(string Other, HopRelation Relation)>> links,
        Dictionary<string, ActorRef> actors,
        Dictionary<string, int> fromStart,
        Dictionary<string, int> fromEnd,
        int length)
    {
        var next = new Dictionary<string, List<ChainHop>>(StringComparer.Ordinal);
        foreach (var (node, list) in links)
        {
            if (!fromStart.TryGetValue(node, out var depth))
            {
                continue;
            }

            next[node] = list
                .Where(l => fromEnd.TryGetValue(l.Other, out var left) && depth + 1 + left == length)
                .GroupBy(l => l.Other, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new ChainHop(actors[node], actors[g.Key], [.. g.Select(l => l.Relation).OrderBy(r => r, HopRelationOrder.Instance)]))
                .ToList();
        }

        return next;
    }

    private static (List<PathChain> Chains, bool Capped) Enumerate(string from, string to, Dictionary<string, List<ChainHop>> next)
    {
        var chains = new List<PathChain>();
        var walk = new List<ChainHop>();
        var capped = false;
        Walk(from);
        return (chains, capped);

        void Walk(string node)
        {
            if (node == to)
            {
                if (chains.Count == EnumerationCap)
                {
                    capped = true;
                    return;
                }

                chains.Add(new PathChain([walk[0].From, .. walk.Select(h => h.To)], [.. walk]));
                return;
            }

            foreach (var hop in next.GetValueOrDefault(node) ?? [])
            {
                if (capped)
                {
                    return;
                }

                walk.Add(hop);
                Walk(hop.To.Id);
                walk.RemoveAt(walk.Count - 1);
            }
        }
    }

    private static int CompareChains(PathChain x, PathChain y)
    {
        var byStrength = y.Strength.CompareTo(x.Strength);
        if (byStrength != 0)
        {
            return byStrength;
        }

        var byRelations = y.RelationCount.CompareTo(x.RelationCount);
        if (byRelations != 0)
        {
            return byRelations;
        }

        // Chains of one result have the same length.
        for (var i = 0; i < x.Actors.Count; i++)
        {
            var byId = string.CompareOrdinal(x.Actors[i].Id, y.Actors[i].Id);
            if (byId != 0)
            {
                return byId;
            }
        }

        return 0;
    }

    /// <summary>Inside a hop: the surest first, then the earliest start (undated first), then by id.</summary>
    private sealed class HopRelationOrder : IComparer<HopRelation>
    {
        public static HopRelationOrder Instance { get; } = new();

        public int Compare(HopRelation? x, HopRelation? y)
        {
            var (a, b) = (x!.Relation.Relation, y!.Relation.Relation);
            var byConfidence = b.Confidence.CompareTo(a.Confidence);
            if (byConfidence != 0)
            {
                return byConfidence;
            }

            var byStart = Validity.StartKey(a).CompareTo(Validity.StartKey(b));
            return byStart != 0 ? byStart : string.CompareOrdinal(a.Id, b.Id);
        }
    }
}
