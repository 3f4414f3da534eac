namespace IomGraph.Core.Graphs;

/// <summary>A relation as a graph walk sees it.</summary>
public readonly record struct WalkEdge(string RelationId, string From, string To);

/// <summary>
/// The relations on shortest paths between two actors, relations taken in either direction, by bidirectional
/// breadth-first search. Each round expands the side with the smaller frontier by one whole level (one query). The first
/// round whose new level meets the other side's visited set fixes the length L = levelFrom + levelTo: every shortest path
/// crosses that meeting set at position levelFrom, so the relations on shortest paths are exactly those of the start
/// side's parent graph that lead to a meeting node, and those of the end side's parent graph that lead from one. Nothing
/// is enumerated: a pair of actors with thousands of shortest paths costs what its relations cost. A store that has no
/// native shortest-path search gives it an <see cref="Expand"/> step (one query per level) and applies the port's result
/// rules to what it finds.
/// </summary>
public static class ShortestPathSearch
{
    /// <summary>Every relation touching one of <paramref name="frontier"/>'s actors.</summary>
    public delegate Task<IReadOnlyList<WalkEdge>> Expand(IReadOnlyCollection<string> frontier, CancellationToken cancellationToken);

    /// <summary>
    /// What expanding a frontier would cost, in any unit, for example how many relations its actors have in all. It only
    /// chooses which side expands next: the answer is the same whatever it says.
    /// </summary>
    public delegate Task<long> Cost(IReadOnlyCollection<string> frontier, CancellationToken cancellationToken);

    /// <summary>The ids of the relations on the shortest paths no longer than <paramref name="maxDepth"/>, in no order; none when there are none.</summary>
    public static Task<IReadOnlyCollection<string>> FindAsync(string from, string to, int maxDepth, Expand expand, CancellationToken cancellationToken) =>
        FindAsync(from, to, maxDepth, expand, static (frontier, _) => Task.FromResult((long)frontier.Count), cancellationToken);

    /// <summary>
    /// As <see cref="FindAsync(string, string, int, Expand, CancellationToken)"/>, expanding the side whose frontier
    /// <paramref name="cost"/> says is cheaper (the smaller frontier when it cannot tell). A store that knows its actors'
    /// degrees saves the most here: from a hub to a leaf, the leaf's side is walked until it meets the hub's neighbours,
    /// rather than the hub's thousands of relations first. Every shortest path is found whichever side expands: the
    /// first level that meets the other side's visited set does so at the same length.
    /// </summary>
    public static async Task<IReadOnlyCollection<string>> FindAsync(string from, string to, int maxDepth, Expand expand, Cost cost, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cost);
        if (from == to)
        {
            return [];
        }

        var start = new Side(from);
        var end = new Side(to);
        while (start.Level + end.Level < maxDepth)
        {
            var (startCost, endCost) = (await start.CostAsync(cost, cancellationToken), await end.CostAsync(cost, cancellationToken));
            var (side, other) = startCost < endCost || (startCost == endCost && start.Frontier.Count <= end.Frontier.Count) ? (start, end) : (end, start);
            var added = await side.ExpandAsync(expand, cancellationToken);
            if (added.Count == 0)
            {
                return [];
            }

            var meeting = added.Where(other.Distance.ContainsKey).ToList();
            if (meeting.Count > 0)
            {
                var relations = new HashSet<string>(StringComparer.Ordinal);
                start.CollectTowardsRoot(meeting, relations);
                end.CollectTowardsRoot(meeting, relations);
                return relations;
            }
        }

        return [];
    }

    /// <summary>A relation to an actor one level nearer the root of a side.</summary>
    private readonly record struct Link(string RelationId, string Other);

    private sealed class Side(string root)
    {
        private readonly Dictionary<string, List<Link>> _parents = new(StringComparer.Ordinal);

        public Dictionary<string, int> Distance { get; } = new(StringComparer.Ordinal) { [root] = 0 };

        public HashSet<string> Frontier { get; private set; } = new(StringComparer.Ordinal) { root };

        public int Level { get; private set; }

        private long? _cost;

        /// <summary>What expanding the frontier would cost, asked once per frontier.</summary>
        public async Task<long> CostAsync(Cost cost, CancellationToken cancellationToken) =>
            _cost ??= await cost(Frontier, cancellationToken);

        /// <summary>
        /// Adds the relations of every walk from <paramref name="nodes"/> back to the root through the parent graph: each
        /// lies on a shortest path from the root to one of the nodes. Each node is visited once.
        /// </summary>
        public void CollectTowardsRoot(IEnumerable<string> nodes, HashSet<string> relations)
        {
            var visited = new HashSet<string>(nodes, StringComparer.Ordinal);
            var pending = new Stack<string>(visited);
            while (pending.TryPop(out var node))
            {
                foreach (var link in _parents.GetValueOrDefault(node) ?? [])
                {
                    relations.Add(link.RelationId);
                    if (visited.Add(link.Other))
                    {
                        pending.Push(link.Other);
                    }
                }
            }
        }

        /// <summary>Visits the next level and returns its actors (none when the side's component is exhausted).</summary>
        public async Task<IReadOnlyCollection<string>> ExpandAsync(Expand expand, CancellationToken cancellationToken)
        {
            var frontier = Frontier;
            var level = Level + 1;
            var reached = new Dictionary<string, List<Link>>(StringComparer.Ordinal);
            foreach (var edge in await expand(frontier, cancellationToken))
            {
                if (frontier.Contains(edge.From))
                {
                    Reach(edge.To, edge.RelationId, edge.From);
                }

                if (frontier.Contains(edge.To))
                {
                    Reach(edge.From, edge.RelationId, edge.To);
                }
            }

            foreach (var (node, links) in reached)
            {
                Distance[node] = level;
                _parents[node] = links;
            }

            Frontier = new HashSet<string>(reached.Keys, StringComparer.Ordinal);
            Level = level;
            _cost = null;
            return Frontier;

            void Reach(string node, string relationId, string parent)
            {
                // Already nearer the root (or the root itself): not on a shortest path through this level.
                if (Distance.ContainsKey(node))
                {
                    return;
                }

                if (!reached.TryGetValue(node, out var links))
                {
                    reached[node] = links = [];
                }

                links.Add(new Link(relationId, parent));
            }
        }
    }
}
