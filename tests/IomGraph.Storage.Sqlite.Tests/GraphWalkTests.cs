using IomGraph.Core.Model;
using IomGraph.Core.Storage;

namespace IomGraph.Storage.Sqlite.Tests;

/// <summary>
/// Checks the level-by-level neighbourhood and the bidirectional path search against plain breadth-first search on
/// generated graphs with parallel relations, self-loops and several components.
/// </summary>
public sealed class GraphWalkTests
{
    private static readonly RelationType[] Types = [RelationType.MemberOf, RelationType.Supports, RelationType.Funds];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Shortest_paths_match_a_plain_breadth_first_search(int seed)
    {
        var bundle = RandomGraph(seed, actors: 40, relations: 75);
        await using var store = await TestStores.CreateInitialisedAsync(SqliteGraphStoreOptions.InMemory);
        await store.ApplyBundleAsync(bundle, BundleMode.Seed, Ct);
        var random = new Random(seed);
        int several = 0, none = 0, longer = 0;

        for (var i = 0; i < 60; i++)
        {
            var from = bundle.Actors[random.Next(bundle.Actors.Count)].Id;
            var to = bundle.Actors[random.Next(bundle.Actors.Count)].Id;
            var maxDepth = random.Next(1, 7);
            IReadOnlyList<RelationType> types = i % 3 == 0 ? [Types[0], Types[1]] : [];

            var paths = await store.FindShortestPathsAsync(new PathQuery(from, to, maxDepth, types, null, 10_000), Ct);

            var expected = ExpectedPaths(bundle.Relations.Where(r => types.Count == 0 || types.Contains(r.Type)).ToList(), from, to, maxDepth);
            Assert.Equal(expected, paths.Select(p => string.Join(' ', p.Hops.Select(h => h.Relation.Relation.Id))));
            several += paths.Count > 1 ? 1 : 0;
            none += paths.Count == 0 ? 1 : 0;
            longer += paths.Any(p => p.Hops.Count >= 3) ? 1 : 0;
            foreach (var path in paths)
            {
                var at = from;
                foreach (var hop in path.Hops)
                {
                    Assert.Equal(at, hop.FromActorId);
                    Assert.Equal(hop.Forward ? (hop.Relation.From.Id, hop.Relation.To.Id) : (hop.Relation.To.Id, hop.Relation.From.Id), (hop.FromActorId, hop.ToActorId));
                    at = hop.ToActorId;
                }

                Assert.Equal(to, at);
            }
        }

        Assert.True(several > 0 && none > 0 && longer > 0, $"The sample should hold pairs with several paths ({several}), none ({none}) and long ones ({longer}).");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Neighbourhoods_match_a_plain_breadth_first_search(int seed)
    {
        var bundle = RandomGraph(seed, actors: 40, relations: 60);
        await using var store = await TestStores.CreateInitialisedAsync(SqliteGraphStoreOptions.InMemory);
        await store.ApplyBundleAsync(bundle, BundleMode.Seed, Ct);
        var random = new Random(seed);
        var truncated = 0;

        for (var i = 0; i < 40; i++)
        {
            var start = bundle.Actors[random.Next(bundle.Actors.Count)].Id;
            var depth = random.Next(1, 4);
            var maxNodes = random.Next(1, 30);

            var graph = await store.GetNeighbourhoodAsync(new NeighbourhoodQuery(start, depth, [], null, maxNodes), Ct);

            var distances = Distances(bundle.Relations, start);
            var within = distances.Where(d => d.Value <= depth).OrderBy(d => d.Value).ThenBy(d => d.Key, StringComparer.Ordinal).ToList();
            Assert.Equal(within.Take(maxNodes).Select(d => (d.Key, d.Value)), graph!.Nodes.Select(n => (n.Actor.Id, n.Depth)));
            Assert.Equal(within.Count > maxNodes, graph.Truncated);
            truncated += graph.Truncated ? 1 : 0;
            var nodes = graph.Nodes.Select(n => n.Actor.Id).ToHashSet();
            Assert.Equal(
                bundle.Relations.Where(r => nodes.Contains(r.From) && nodes.Contains(r.To)).Select(r => r.Id).Order(StringComparer.Ordinal),
                graph.Edges.Select(e => e.Relation.Id).Order(StringComparer.Ordinal));
        }

        Assert.InRange(truncated, 1, 39);
    }

    private static GraphBundle RandomGraph(int seed, int actors, int relations)
    {
        var random = new Random(seed);
        var source = new Source("s", "A source", SourceKind.Secondary);
        var actorList = Enumerable.Range(0, actors).Select(i => new Actor($"a{i:D2}", $"Actor {i}", ActorKind.IntergovernmentalOrganisation)).ToList();
        var relationList = new List<Relation>();
        for (var i = 0; i < relations; i++)
        {
            // Actors 30 and up only relate among themselves: a second component.
            var island = random.Next(4) == 0 && actors > 30;
            var from = island ? random.Next(30, actors) : random.Next(30);
            var to = i % 25 == 0 ? from : island ? random.Next(30, actors) : random.Next(30);
            relationList.Add(new Relation($"r{random.Next(1000):D3}-{i:D2}", actorList[from].Id, actorList[to].Id, Types[random.Next(Types.Length)], Confidence.Medium, [new Citation("s", "q")]));
        }

        // A parallel relation: two paths over the same pair of actors.
        relationList.Add(relationList[1] with { Id = "r999-parallel", Type = Types[0] });
        return new GraphBundle { Sources = [source], Actors = actorList, Relations = relationList };
    }

    private static Dictionary<string, int> Distances(IReadOnlyList<Relation> relations, string start)
    {
        var distances = new Dictionary<string, int>(StringComparer.Ordinal) { [start] = 0 };
        var frontier = new List<string> { start };
        while (frontier.Count > 0)
        {
            var next = new List<string>();
            foreach (var node in frontier)
            {
                foreach (var relation in relations)
                {
                    foreach (var (a, b) in new[] { (relation.From, relation.To), (relation.To, relation.From) })
                    {
                        if (a == node && distances.TryAdd(b, distances[node] + 1))
                        {
                            next.Add(b);
                        }
                    }
                }
            }

            frontier = next;
        }

        return distances;
    }

    /// <summary>Every shortest path as its relation ids joined by spaces, in ordinal order of the id sequences.</summary>
    private static List<string> ExpectedPaths(List<Relation> relations, string from, string to, int maxDepth)
    {
        if (from == to)
        {
            return [string.Empty];
        }

        var fromStart = Distances(relations, from);
        var fromEnd = Distances(relations, to);
        if (!fromStart.TryGetValue(to, out var length) || length > maxDepth)
        {
            return [];
        }

        var paths = new List<List<string>>();
        void Walk(string node, List<string> walked)
        {
            if (node == to)
            {
                paths.Add([.. walked]);
                return;
            }

            foreach (var relation in relations)
            {
                foreach (var (a, b) in new[] { (relation.From, relation.To), (relation.To, relation.From) })
                {
                    if (a == node && a != b && fromStart[a] == walked.Count && fromEnd.TryGetValue(b, out var left) && walked.Count + 1 + left == length)
                    {
                        walked.Add(relation.Id);
                        Walk(b, walked);
                        walked.RemoveAt(walked.Count - 1);
                    }
                }
            }
        }

        Walk(from, []);
        return [.. paths.Select(p => string.Join(' ', p)).Distinct().Order(StringComparer.Ordinal)];
    }
}
