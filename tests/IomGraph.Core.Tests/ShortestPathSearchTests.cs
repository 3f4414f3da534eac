using IomGraph.Core.Graphs;

namespace IomGraph.Core.Tests;

/// <summary>
/// Which side a bidirectional search expands is only a matter of cost: on random graphs, every choice of cost finds
/// exactly the relations on shortest paths, as distances from both ends define them.
/// </summary>
public sealed class ShortestPathSearchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Every_cost_finds_the_relations_on_shortest_paths(int seed)
    {
        var random = new Random(seed);
        var nodes = Enumerable.Range(0, 40).Select(i => $"n{i}").ToArray();
        var edges = Enumerable.Range(0, 70)
            .Select(i => (Id: $"r{i}", From: nodes[random.Next(nodes.Length)], To: nodes[random.Next(nodes.Length)]))
            .Where(e => e.From != e.To)
            .Select(e => new WalkEdge(e.Id, e.From, e.To))
            .ToList();
        // One hub, so that a cost by degree and one by frontier size disagree.
        edges.AddRange(nodes.Skip(1).Where((_, i) => i % 3 == 0).Select(n => new WalkEdge($"hub-{n}", nodes[0], n)));

        Task<IReadOnlyList<WalkEdge>> Expand(IReadOnlyCollection<string> frontier, CancellationToken _) =>
            Task.FromResult<IReadOnlyList<WalkEdge>>([.. edges.Where(e => frontier.Contains(e.From) || frontier.Contains(e.To))]);
        long Degree(IReadOnlyCollection<string> frontier) => edges.Count(e => frontier.Contains(e.From)) + edges.Count(e => frontier.Contains(e.To));
        var costs = new ShortestPathSearch.Cost[]
        {
            (f, _) => Task.FromResult(Degree(f)),
            (f, _) => Task.FromResult(-Degree(f)),
            (f, _) => Task.FromResult((long)-f.Count),
            (_, _) => Task.FromResult(0L),
        };

        foreach (var to in nodes.Skip(1).Take(15))
        {
            foreach (var maxDepth in new[] { 1, 2, 4 })
            {
                var expected = OnShortestPaths(edges, nodes[0], to, maxDepth);
                Assert.Equal(expected, (await ShortestPathSearch.FindAsync(nodes[0], to, maxDepth, Expand, Ct)).Order(StringComparer.Ordinal));
                foreach (var cost in costs)
                {
                    Assert.Equal(expected, (await ShortestPathSearch.FindAsync(nodes[0], to, maxDepth, Expand, cost, Ct)).Order(StringComparer.Ordinal));
                }
            }
        }
    }

    /// <summary>A relation u–v is on a shortest path from s to t when d(s, u) + 1 + d(v, t) = d(s, t), either way round.</summary>
    private static List<string> OnShortestPaths(List<WalkEdge> edges, string from, string to, int maxDepth)
    {
        var fromStart = Distances(edges, from);
        var toEnd = Distances(edges, to);
        if (!fromStart.TryGetValue(to, out var length) || length > maxDepth)
        {
            return [];
        }

        bool On(string u, string v) => fromStart.TryGetValue(u, out var a) && toEnd.TryGetValue(v, out var b) && a + 1 + b == length;
        return [.. edges.Where(e => On(e.From, e.To) || On(e.To, e.From)).Select(e => e.RelationId).Distinct().Order(StringComparer.Ordinal)];
    }

    private static Dictionary<string, int> Distances(List<WalkEdge> edges, string root)
    {
        var distance = new Dictionary<string, int>(StringComparer.Ordinal) { [root] = 0 };
        var queue = new Queue<string>([root]);
        while (queue.TryDequeue(out var node))
        {
            foreach (var e in edges)
            {
                var next = e.From == node ? e.To : e.To == node ? e.From : null;
                if (next is not null && distance.TryAdd(next, distance[node] + 1))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return distance;
    }
}
