namespace IomGraph.Storage.Sqlite.Internal;

/// <summary>A relation as a graph walk sees it.</summary>
internal readonly record struct Edge(string RelationId, string From, string To);

/// <summary>One step of a walk: the relation taken, and the actors it was walked from and to.</summary>
internal readonly record struct Step(string RelationId, string WalkFrom, string WalkTo);

/// <summary>
/// All shortest paths between two actors, relations taken in either direction, by bidirectional breadth-first search.
/// Each round expands the side with the smaller frontier by one whole level (one query). The first round whose new
/// level meets the other side's visited set fixes the length L = levelFrom + levelTo: every shortest path crosses that
/// meeting set at position levelFrom, so the paths are exactly (a path from the start to a meeting node in the start
/// side's parent graph) + (a path from it to the end in the end side's parent graph), each counted once.
/// Paths come out in the order of their relation id sequences (ordinal), and only the first <c>maxPaths</c> are built.
/// </summary>
internal static class ShortestPaths
{
    /// <summary>Every relation touching one of <paramref name="frontier"/>'s actors.</summary>
    public delegate Task<IReadOnlyList<Edge>> Expand(IReadOnlyCollection<string> frontier, CancellationToken cancellationToken);

    public static async Task<IReadOnlyList<IReadOnlyList<Step>>> FindAsync(
        string from, string to, int maxDepth, int maxPaths, Expand expand, CancellationToken cancellationToken)
    {
        if (from == to)
        {
            return [[]];
        }

        var start = new Side(from);
        var end = new Side(to);
        while (start.Level + end.Level < maxDepth)
        {
            var (side, other) = start.Frontier.Count <= end.Frontier.Count ? (start, end) : (end, start);
            var added = await side.ExpandAsync(expand, cancellationToken);
            if (added.Count == 0)
            {
                return [];
            }

            var meeting = added.Where(other.Distance.ContainsKey).ToList();
            if (meeting.Count > 0)
            {
                return Enumerate(start, end, meeting, to, maxPaths);
            }
        }

        return [];
    }

    private static List<IReadOnlyList<Step>> Enumerate(Side start, Side end, List<string> meeting, string to, int maxPaths)
    {
        // All meeting nodes lie at the same distance from the start (see the class comment); that is where the walk
        // switches from the start side's parent graph to the end side's.
        var split = start.Distance[meeting[0]];

        // Only start-side nodes that lead to a meeting node are worth walking through.
        var useful = new HashSet<string>(meeting, StringComparer.Ordinal);
        var pending = new Stack<string>(meeting);
        while (pending.Count > 0)
        {
            foreach (var link in start.ParentsOf(pending.Pop()))
            {
                if (useful.Add(link.Other))
                {
                    pending.Push(link.Other);
                }
            }
        }

        var children = new Dictionary<string, List<Link>>(StringComparer.Ordinal);
        foreach (var node in useful)
        {
            foreach (var link in start.ParentsOf(node))
            {
                if (!children.TryGetValue(link.Other, out var list))
                {
                    children[link.Other] = list = [];
                }

                list.Add(new Link(link.RelationId, node));
            }
        }

        foreach (var list in children.Values)
        {
            list.Sort();
        }

        var paths = new List<IReadOnlyList<Step>>();
        var walk = new List<Step>();
        Walk(start.Root);
        return paths;

        void Walk(string node)
        {
            // The end cannot be met before the split: it would then be nearer than the length found.
            if (node == to)
            {
                paths.Add(walk.ToArray());
                return;
            }

            var next = walk.Count < split ? children.GetValueOrDefault(node) ?? [] : end.SortedParentsOf(node);
            foreach (var link in next)
            {
                if (paths.Count >= maxPaths)
                {
                    return;
                }

                walk.Add(new Step(link.RelationId, node, link.Other));
                Walk(link.Other);
                walk.RemoveAt(walk.Count - 1);
            }
        }
    }

    /// <summary>A relation to an actor one level nearer the root (in a side's parent graph), or further (when walking).</summary>
    private readonly record struct Link(string RelationId, string Other) : IComparable<Link>
    {
        public int CompareTo(Link other)
        {
            var byRelation = string.CompareOrdinal(RelationId, other.RelationId);
            return byRelation != 0 ? byRelation : string.CompareOrdinal(Other, other.Other);
        }
    }

    private sealed class Side(string root)
    {
        private readonly Dictionary<string, List<Link>> _parents = new(StringComparer.Ordinal);

        public string Root { get; } = root;

        public Dictionary<string, int> Distance { get; } = new(StringComparer.Ordinal) { [root] = 0 };

        public HashSet<string> Frontier { get; private set; } = new(StringComparer.Ordinal) { root };

        public int Level { get; private set; }

        public List<Link> ParentsOf(string node) => _parents.GetValueOrDefault(node) ?? [];

        public List<Link> SortedParentsOf(string node)
        {
            var parents = _parents.GetValueOrDefault(node);
            if (parents is null)
            {
                return [];
            }

            parents.Sort();
            return parents;
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
